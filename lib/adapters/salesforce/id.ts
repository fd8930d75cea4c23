/**
 * Salesforce record ids: 15 characters, case-sensitive, or 18 with a case-insensitive suffix.
 * Canonical form here is 18 characters, so the same record always maps to the same client.
 */

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character checksum: one character per 5-character chunk, bit i set when char i is upper-case. */
function caseSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(chunk * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

/**
 * The 18-character id for a 15- or 18-character id, or null for anything else, including an
 * 18-character id whose suffix does not match its first 15 characters.
 */
export function toSalesforceId18(id: string): string | null {
  if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-5]{3})?$/.test(id)) return null;
  const id15 = id.slice(0, 15);
  const id18 = id15 + caseSuffix(id15);
  return id.length === 15 || id.slice(15).toUpperCase() === id18.slice(15) ? id18 : null;
}
