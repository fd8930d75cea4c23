import { z } from 'zod';
import { CandidateFlagInput } from '../contract/candidate-flag';
import { NewNeed } from '../contract/need';
import { Id, IsoDateTime } from '../contract/primitives';

/** The writes a user can make; each travels through the outbox with its own idempotency key. */
export const OutboxPayload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('need'), need: NewNeed }),
  z.object({ kind: z.literal('flag-set'), flag: CandidateFlagInput }),
  z.object({ kind: z.literal('flag-clear') }),
]);
export type OutboxPayload = z.infer<typeof OutboxPayload>;

/**
 * pending: waiting or being sent; rejected: the endpoint refused it (reason shown, kept until discarded);
 * needs-sign-in: the token was refused, kept until the user signs in again; done: delivered (receipt).
 */
export const OutboxState = z.enum(['pending', 'rejected', 'needs-sign-in', 'done']);
export type OutboxState = z.infer<typeof OutboxState>;

export const OutboxItemView = z.object({
  id: z.string().min(1).max(100),
  clientId: Id,
  payload: OutboxPayload,
  createdAt: IsoDateTime,
  state: OutboxState,
  attempts: z.number().int().min(0),
  /** Why it was refused or why the last attempt failed, in words for the user. */
  reason: z.string().max(500).optional(),
  fieldErrors: z.record(z.string(), z.string().max(500)).optional(),
  /** The endpoint's id of the created record, once delivered. */
  receiptId: z.string().max(100).optional(),
});
export type OutboxItemView = z.infer<typeof OutboxItemView>;
