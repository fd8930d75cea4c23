// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PLUGINS } from '../../lib/adapters';
import { detectWithGenericRules } from '../../lib/adapters/generic';
import { FIXTURE_CASES, GENERIC_TEST_RULES } from '../fixtures/pms';
import { caseName, loadFixture } from './load-fixture';

// Like refined-github's detector matrix: a plug-in must not claim another system's pages,
// even when its URL gate is bypassed.
describe('no plug-in detects another system’s fixture pages', () => {
  it.each(PLUGINS.map((plugin) => [plugin.id, plugin] as const))('%s', (_id, plugin) => {
    for (const c of FIXTURE_CASES.filter((f) => f.system !== plugin.id)) {
      const url = new URL(c.url);
      expect(plugin.detect(url, loadFixture(c.file)), `plug-in ${plugin.id} detected ${c.system} fixture ${caseName(c)}`).toBeNull();
    }
  });

  it.each(PLUGINS.map((plugin) => [plugin.id, plugin] as const))('%s, on its own non-record https pages, without the URL gate', (_id, plugin) => {
    const negatives = FIXTURE_CASES.filter((c) => c.system === plugin.id && c.expected === null && c.url.startsWith('https:'));
    for (const c of negatives) {
      expect(plugin.detect(new URL(c.url), loadFixture(c.file)), `plug-in ${plugin.id} detected ${caseName(c)}`).toBeNull();
    }
  });

  it('generic test rules', () => {
    for (const c of FIXTURE_CASES.filter((f) => f.system !== 'generic')) {
      const got = detectWithGenericRules(new URL(c.url), loadFixture(c.file), GENERIC_TEST_RULES);
      expect(got, `generic rules detected ${c.system} fixture ${caseName(c)}`).toBeNull();
    }
  });
});
