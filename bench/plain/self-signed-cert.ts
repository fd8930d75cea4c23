import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ThrowawayCert {
  key: string;
  cert: string;
  /** base64 SHA-256 of the certificate's SubjectPublicKeyInfo: what `--ignore-certificate-errors-spki-list` takes. */
  spkiSha256: string;
}

/**
 * A self-signed certificate for the bench's hosts, made at run time with Debian's openssl CLI and
 * never written anywhere but a temporary folder (deleted at once). Chromium trusts it through its
 * SPKI hash on the command line, so no CA is installed anywhere.
 */
export function makeThrowawayCert(hosts: readonly string[]): ThrowawayCert {
  const dir = mkdtempSync(path.join(tmpdir(), 'lens-bench-cert-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', `/CN=${hosts[0]}`, '-addext', `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
      '-keyout', keyFile, '-out', certFile,
    ], { stdio: 'pipe' });
    const cert = readFileSync(certFile, 'utf8');
    const spki = createPublicKey(cert).export({ type: 'spki', format: 'der' });
    return { key: readFileSync(keyFile, 'utf8'), cert, spkiSha256: createHash('sha256').update(spki).digest('base64') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
