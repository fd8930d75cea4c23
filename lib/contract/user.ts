import { z } from 'zod';
import { Id, ShortText } from './primitives';

/** `bd` (business development) may flag clients as secondment candidates; `lawyer` may not. */
export const UserRole = z.enum(['lawyer', 'bd']);
export type UserRole = z.infer<typeof UserRole>;

export const User = z.object({
  id: Id,
  name: ShortText.min(1),
  email: z.email().max(254),
  role: UserRole,
});
export type User = z.infer<typeof User>;
