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
