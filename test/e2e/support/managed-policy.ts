import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { EXTENSION_DIR } from '../../../scripts/chromium-with-extension';

/**
 * Firm IT's way of setting the extension's policy on Linux: a JSON file in Chromium's managed
 * policy folder with a `3rdparty` → `extensions` → `<extension id>` section. The tests run as root
 * (CI does); the file is read by every Chromium on the machine, so it is named for these tests and
 * always removed (`removePolicy` in a finally).
 */
export const POLICY_DIR = process.env.LENS_POLICY_DIR ?? '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'secondment-lens-e2e.json');

/**
 * The built extension copied into a temporary folder with a manifest `key`, so its id is known
 * before the browser starts (policy is keyed by id; without a key the id depends on the folder).
 * The key is a fresh RSA public key: nothing is signed, so no private key is kept.
 */
export function keyedExtensionCopy(extensionDir = EXTENSION_DIR): { dir: string; extensionId: string; remove(): void } {
  const parent = mkdtempSync(path.join(tmpdir(), 'lens-keyed-'));
  const dir = path.join(parent, 'chrome-mv3');
  cpSync(extensionDir, dir, { recursive: true });
  const der = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, key: der.toString('base64') }));
  return { dir, extensionId: extensionIdOf(der), remove: () => rmSync(parent, { recursive: true, force: true }) };
}

/** Chromium's id for a key: the first 128 bits of SHA-256 of the public key, as letters a–p. */
export function extensionIdOf(publicKeyDer: Buffer): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/**
 * Writes (or replaces, atomically) the policy of `extensionId` as firm IT would. `inPlaceBefore`:
 * dated a minute back, as on a managed machine where the policy was there before the browser
 * started. Why: Chromium skips policy files changed in the last ~5 s ("not settled") at start-up
 * and reads them only once they are 5 s old, so a fresh file would arrive after the first reads.
 */
export function writePolicy(extensionId: string, values: Record<string, unknown>, options: { inPlaceBefore?: boolean } = {}): void {
  mkdirSync(POLICY_DIR, { recursive: true });
  const body = JSON.stringify({ '3rdparty': { extensions: { [extensionId]: values } } }, null, 2);
  // Renamed into place: Chromium's folder watcher never reads a half-written file.
  const staging = `${POLICY_FILE}.tmp`;
  writeFileSync(staging, body);
  renameSync(staging, POLICY_FILE);
  if (options.inPlaceBefore) {
    const minuteAgo = new Date(Date.now() - 60_000);
    for (const entry of [POLICY_FILE, POLICY_DIR]) utimesSync(entry, minuteAgo, minuteAgo);
  }
}

export function removePolicy(): void {
  rmSync(POLICY_FILE, { force: true });
  rmSync(`${POLICY_FILE}.tmp`, { force: true });
}

/**
 * The text of chrome://policy for one extension (its table lives in shadow roots, which
 * `innerText` does not cross): "name | value | source | … | status" cells joined by " | ".
 */
export async function policyPageText(page: Page, extensionId: string): Promise<string> {
  await page.goto('chrome://policy');
  const all = async () => page.evaluate(`(() => {
    const out = [];
    const walk = (node) => {
      if (node.nodeType === 3) { const t = node.textContent.trim(); if (t) out.push(t); }
      if (node.shadowRoot) walk(node.shadowRoot);
      if (node.tagName !== 'STYLE') node.childNodes.forEach(walk);
    };
    walk(document.body);
    return out.join(' | ');
  })()`) as Promise<string>;
  let text = '';
  for (let tries = 0; tries < 20; tries++) { // the page fills its tables a moment after load
    text = await all();
    if (text.includes(extensionId)) break;
    await page.waitForTimeout(250);
  }
  const start = text.indexOf(extensionId);
  if (start < 0) throw new Error('chrome://policy lists no policy for the extension');
  const end = text.indexOf('No policies set', start);
  return text.slice(start, end < 0 ? undefined : end);
}
