import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allFixtures } from '../../fixtures/import/make-fixtures';
import { fixture } from './fixture-path';

describe('import fixtures', () => {
  it.each(Object.entries(allFixtures()))('%s is what make-fixtures.ts builds, byte for byte', (name, bytes) => {
    expect(readFileSync(fixture(name)).equals(bytes)).toBe(true);
  });

  it('keep the mess they are for: a BOM and CRLF in the semicolon CSV', () => {
    const bytes = readFileSync(fixture('secondments-semicolon-bom-crlf.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toMatch(/;Reintegration plan\r\nOutbound;/);
  });
});
