import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ADAPTERS = join(dirname(fileURLToPath(import.meta.url)), '../../lib/adapters');
const ZOD_ALLOWED = 'generic-rule-schema.ts'; // options page and background only
/** The one record identity: plain data shared with the contract (checked below to stay that way). */
const RECORD_IDENTITY = '../contract/record-identity';

// The content script runs in every CRM page: detection code must stay free of heavy imports.
describe('adapters stay light for the content script', () => {
  const files = readdirSync(ADAPTERS, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

  it.each(files.filter((f) => f !== ZOD_ALLOWED))('%s imports nothing heavy', (file) => {
    const source = readFileSync(join(ADAPTERS, file), 'utf8');
    const imports = [...source.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1] ?? '');
    for (const spec of imports) {
      expect(spec.startsWith('.'), `${file} imports package ${spec}`).toBe(true);
      if (spec !== RECORD_IDENTITY) expect(spec, `${file} imports ${spec}`).not.toMatch(/contract|generic-rule-schema/);
    }
  });

  it('shares the record identity as plain data that imports nothing', () => {
    const source = readFileSync(join(ADAPTERS, `${RECORD_IDENTITY}.ts`), 'utf8');
    expect(source).not.toMatch(/\bimport\b|\brequire\(/);
  });

  it('bundles detectRecord into a few KB gzipped', async () => {
    const out = await build({
      entryPoints: [join(ADAPTERS, 'index.ts')], bundle: true, minify: true, write: false, format: 'esm', platform: 'browser',
    });
    const gzipped = gzipSync(out.outputFiles[0]?.contents ?? new Uint8Array()).length;
    expect(gzipped).toBeLessThan(5_000); // the whole content script has 10 KB
  });
});
