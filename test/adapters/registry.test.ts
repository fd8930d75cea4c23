import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_MATCHES, PLUGINS, PMS_SYSTEMS, type PmsPlugin } from '../../lib/adapters';
import { FIXTURE_CASES } from '../fixtures/pms';
import { FIXTURE_DIR } from './load-fixture';
import { isValidMatchPattern, matchesPattern } from './match-pattern';

const PLUGIN_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../lib/adapters/plugins');

function isPlugin(x: unknown): x is PmsPlugin {
  return typeof x === 'object' && x !== null && 'id' in x && 'detect' in x && 'urlGate' in x;
}

/** Like refined-github's features.test.ts: nothing half-added. */
describe('plug-in registry', () => {
  it('registers every module in lib/adapters/plugins, one plug-in per file named after its id', async () => {
    const files = readdirSync(PLUGIN_DIR).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBe(PLUGINS.length);
    for (const file of files) {
      const exported = Object.values(await import(join(PLUGIN_DIR, file))).filter(isPlugin);
      expect(exported, `${file} must export exactly one plug-in`).toHaveLength(1);
      expect(PLUGINS, `${file}'s plug-in is missing from PLUGINS`).toContain(exported[0]);
      expect(`${exported[0]?.id}.ts`).toBe(file);
    }
  });

  it('has one plug-in per system, plus generic', () => {
    const ids = PLUGINS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids, 'generic'].sort()).toEqual([...PMS_SYSTEMS].sort());
  });

  it.each(PMS_SYSTEMS)('%s has positive and negative fixtures', (system) => {
    const cases = FIXTURE_CASES.filter((c) => c.system === system);
    expect(cases.some((c) => c.expected !== null), `add a record page for ${system}`).toBe(true);
    expect(cases.some((c) => c.expected === null), `add a non-record page for ${system}`).toBe(true);
    expect(cases.every((c) => c.expected === null || c.expected.system === system)).toBe(true);
  });

  it('uses every saved page and saves every page it uses', () => {
    const onDisk = readdirSync(FIXTURE_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    const used = new Set(FIXTURE_CASES.map((c) => c.file));
    expect([...used].sort()).toEqual(onDisk.map((f) => f.replaceAll('\\', '/')).sort());
  });
});

describe('CONTENT_SCRIPT_MATCHES', () => {
  it('are valid https match patterns without duplicates', () => {
    for (const pattern of CONTENT_SCRIPT_MATCHES) {
      expect(isValidMatchPattern(pattern) && pattern.startsWith('https://'), pattern).toBe(true);
    }
    expect(new Set(CONTENT_SCRIPT_MATCHES).size).toBe(CONTENT_SCRIPT_MATCHES.length);
  });

  it.each(PLUGINS.map((p) => [p.id, p] as const))('cover every URL the %s gate lets through', (_id, plugin) => {
    for (const pattern of plugin.matches) expect(CONTENT_SCRIPT_MATCHES).toContain(pattern);
    const gated = FIXTURE_CASES.map((c) => new URL(c.url)).filter((u) => u.protocol === 'https:' && plugin.urlGate(u));
    expect(gated.length).toBeGreaterThan(0);
    for (const url of gated) {
      expect(plugin.matches.some((p) => matchesPattern(p, url.href)), `${plugin.id}.matches miss ${url.href}`).toBe(true);
    }
  });
});
