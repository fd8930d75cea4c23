import { z } from 'zod';
import { Id, ShortText } from './primitives';

/**
 * `bd` (business development) may flag clients as secondment candidates; `lawyer` may not;
 * `risk` (risk & compliance) reads the endpoint's audit trail and may remove any PMS link.
 */
export const UserRole = z.enum(['lawyer', 'bd', 'risk']);
export type UserRole = z.infer<typeof UserRole>;

export const User = z.object({
  id: Id,
  name: ShortText.min(1),
  email: z.email().max(254),
  role: UserRole,
});
export type User = z.infer<typeof User>;
