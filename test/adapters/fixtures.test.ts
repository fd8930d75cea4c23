// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PMS_SYSTEMS, detectRecord } from '../../lib/adapters';
import { FIXTURE_CASES, GENERIC_TEST_RULES } from '../fixtures/pms';
import { caseName, loadFixture } from './load-fixture';

describe.each(PMS_SYSTEMS)('%s fixture pages', (system) => {
  const cases = FIXTURE_CASES.filter((c) => c.system === system);

  it.each(cases.map((c) => [caseName(c), c] as const))('%s', (_name, c) => {
    expect(detectRecord(c.url, loadFixture(c.file), GENERIC_TEST_RULES)).toEqual(c.expected);
  });
});

/**
 * Whether a page is a record is the URL's to say (lib/adapters/plugin.ts): the content script does
 * not watch a page loaded at a URL that names none, so a plug-in that answered null until its page
 * rendered would miss the record. Each case again, before its page has rendered anything.
 */
describe('fixture URLs on a page not rendered yet', () => {
  const blank = () => document.implementation.createHTMLDocument('');

  it.each(FIXTURE_CASES.map((c) => [caseName(c), c] as const))('%s', (_name, c) => {
    const early = detectRecord(c.url, blank(), GENERIC_TEST_RULES);
    if (c.expected === null) expect(early).toBeNull();
    else expect(early && { system: early.system, externalId: early.externalId, tenant: early.tenant, label: early.label })
      .toEqual({ system: c.expected.system, externalId: c.expected.externalId, tenant: c.expected.tenant, label: undefined });
  });
});
