import { describe, expect, it } from 'vitest';
import { toSalesforceId18 } from '../../lib/adapters/salesforce/id';

/**
 * A second, independent implementation: per 5-character chunk, read "is upper-case" flags
 * right-to-left as a binary number and index A–Z0–5 with it.
 */
function referenceId18(id15: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  const chunks = id15.match(/.{5}/g) ?? [];
  const suffix = chunks.map((chunk) => {
    const bits = [...chunk].reverse().map((c) => (/[A-Z]/.test(c) ? '1' : '0')).join('');
    return alphabet[parseInt(bits, 2)];
  });
  return id15 + suffix.join('');
}

function randomId15(seed: number): string {
  const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let s = seed;
  return Array.from({ length: 15 }, () => chars[(s = (s * 1103515245 + 12345) % 2 ** 31) % chars.length]).join('');
}

describe('toSalesforceId18', () => {
  it('matches a widely published pair', () => {
    expect(toSalesforceId18('001D000000IRFma')).toBe('001D000000IRFmaIAH');
  });

  it('agrees with an independent implementation', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const id15 = randomId15(seed);
      expect(toSalesforceId18(id15), id15).toBe(referenceId18(id15));
    }
    expect(toSalesforceId18('AAAAAAAAAAAAAAA')).toBe('AAAAAAAAAAAAAAA555');
    expect(toSalesforceId18('aaaaaaaaaaaaaaa')).toBe('aaaaaaaaaaaaaaaAAA');
  });

  it('keeps a valid 18-character id and canonicalises its suffix case', () => {
    expect(toSalesforceId18('001D000000IRFmaIAH')).toBe('001D000000IRFmaIAH');
    expect(toSalesforceId18('001D000000IRFmaiah')).toBe('001D000000IRFmaIAH');
  });

  it('rejects a wrong suffix, wrong length and other characters', () => {
    for (const bad of ['001D000000IRFmaAAA', '001D000000IRFm', '001D000000IRFmaI', '001D000000IRF-a', '']) {
      expect(toSalesforceId18(bad), bad).toBeNull();
    }
  });
});
