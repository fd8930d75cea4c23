import { z } from 'zod';

/**
 * The contract's text limits (lib/contract/primitives: ShortText 200, LongText 4000, Id) with
 * messages a spreadsheet user can act on.
 */
export const ShortCell = z.string().max(200, 'longer than 200 characters');
export const LongCell = z.string().max(4000, 'longer than 4,000 characters');
export const NameCell = ShortCell.min(1, 'empty');
export const IdCell = z.string().min(1, 'empty').max(64, 'longer than 64 characters')
  .regex(/^[A-Za-z0-9_.:-]+$/, 'only letters, digits and _ . : - are allowed');
export const EmailCell = z.email({ error: 'not an email address' }).max(254, 'longer than 254 characters');
