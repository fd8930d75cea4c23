import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseKitOptions, UsageError } from '@/scripts/deploy-kit/kit-options';

const ID = 'kcfhhkbdkgjlcjbbgdlhpcnmpmngafdp';
const base = ['--extension-id', ID, '--endpoint', 'https://lens.harbourvale.example'];

describe('deploy-kit arguments', () => {
  it('takes the sign-in settings and other schema keys as policy values, typed', () => {
    const options = parseKitOptions([...base, '--firm-name', ' Harbour & Vale ', '--set', 'cacheMaxClients=5000'], '0.1.0');
    expect(options.policy).toEqual({ endpointUrl: 'https://lens.harbourvale.example', firmName: 'Harbour & Vale', cacheMaxClients: 5000 });
    expect(options).toMatchObject({ updateUrl: 'https://clients2.google.com/service/update2/crx', selfHosted: null, outDir: 'deploy-kit' });
  });

  const bad: [string, string[], string][] = [
    ['no extension id', ['--endpoint', 'https://lens.example'], '--extension-id is required.'],
    ['a malformed extension id', ['--extension-id', 'ABC', '--endpoint', 'https://lens.example'], '--extension-id: "ABC" is not an extension id'],
    ['no endpoint', ['--extension-id', ID], '--endpoint is required.'],
    ['a plain-http endpoint', ['--extension-id', ID, '--endpoint', 'http://lens.example'], '--endpoint: It breaks this rule: Use an https:// address'],
    ['an issuer that is no address', [...base, '--issuer', 'login'], '--issuer: It must be a full web address'],
    ['scopes without openid', [...base, '--scopes', 'email profile'], '--scopes: It breaks this rule: List the scopes'],
    ['an empty client id', [...base, '--client-id', ' '], '--client-id: It must not be empty.'],
    ['a firm name with a line break', [...base, '--firm-name', 'A\nB'], '--firm-name: line breaks and control characters'],
    ['an unknown option', [...base, '--endpiont', 'x'], "Unknown option '--endpiont'"],
    ['an unknown policy key', [...base, '--set', 'colour=red'], '--set colour=red: "colour" is not a setting of public/managed_schema.json'],
    ['a number out of range', [...base, '--set', 'requestTimeoutSeconds=500'], '--set requestTimeoutSeconds: It must be at most 120.'],
    ['a number that is not one', [...base, '--set', 'maxCacheAgeHours=two'], '--set maxCacheAgeHours=two: maxCacheAgeHours must be a whole number.'],
    ['an http update URL', [...base, '--update-url', 'http://it.example/u.xml'], '--update-url: browsers install and update only over https'],
    ['a bad version', [...base, '--update-url', 'https://it.example/u.xml', '--version', 'v1'], '--version: "v1" is not an extension version'],
  ];
  for (const [what, argv, message] of bad) {
    it(`refuses ${what}`, () => {
      expect(() => parseKitOptions(argv, '0.1.0')).toThrow(UsageError);
      expect(() => parseKitOptions(argv, '0.1.0')).toThrow(message);
    });
  }
});

describe('npm run deploy-kit', () => {
  const run = (argv: string[]) => promisify(execFile)('npx', ['tsx', 'scripts/deploy-kit.ts', ...argv], { cwd: path.resolve(import.meta.dirname, '../../..') });

  it('exits 2 with the reason and the usage on a bad argument', async () => {
    const failure = await run(['--extension-id', ID, '--endpoint', 'ftp://lens.example']).then(() => null, (error: { code: number; stderr: string }) => error);
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('deploy-kit: --endpoint: It breaks this rule: Use an https:// address');
    expect(failure?.stderr).toContain('Usage: npm run deploy-kit -- --extension-id <id> --endpoint <url>');
  });

  it('writes the kit into --out', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'lens-kit-'));
    try {
      const { stdout } = await run([...base, '--out', out]);
      expect(stdout).toContain('no update manifests written');
      for (const file of ['windows/chrome.reg', 'windows/edge.reg', 'macos/secondment-lens.mobileconfig', 'firefox/policies.json', 'intune.md']) {
        expect(existsSync(path.join(out, file)), file).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
