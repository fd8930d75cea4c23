import { createHash } from 'node:crypto';

/**
 * A UUID derived from `name` (the SHA-1 name-based form, RFC 9562 v5 layout): the same kit
 * regenerated gives the same payload UUIDs, so an MDM sees an updated profile, not a second one.
 */
export function stableUuid(name: string): string {
  const bytes = createHash('sha1').update(`secondment-lens:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
