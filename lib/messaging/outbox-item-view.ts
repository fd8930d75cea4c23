import { z } from 'zod';
import { CandidateFlag, CandidateFlagInput } from '../contract/candidate-flag';
import { NeedPatch, NewNeed } from '../contract/need';
import { Id, IsoDateTime } from '../contract/primitives';
import { NewCheckIn, ObjectiveStatus } from '../contract/secondment';

/** The version (of a need, of a secondment) the user saw: sent as `If-Match`. */
const Version = z.string().min(1).max(100);

/**
 * The version of the candidate flag the user saw when they made a flag change: sent as `If-Match`
 * so that the change cannot overwrite someone else's newer one. Null: there was no flag. Absent:
 * an item queued before versions existed (sent without `If-Match`).
 */
const SeenVersion = CandidateFlag.shape.version.unwrap().nullable().optional();

/** The writes a user can make; each travels through the outbox with its own idempotency key. */
/** Queued behind another flag change of the client: sent with the version that one produces. */
const FollowsQueued = z.boolean().optional();

export const OutboxPayload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('need'), need: NewNeed }),
  z.object({ kind: z.literal('flag-set'), flag: CandidateFlagInput, seenVersion: SeenVersion, followsQueued: FollowsQueued }),
  z.object({ kind: z.literal('flag-clear'), seenVersion: SeenVersion, followsQueued: FollowsQueued }),
  // BD moves a need on (status, owner, the matter it became).
  z.object({ kind: z.literal('need-triage'), needId: Id, needTitle: z.string().max(200), patch: NeedPatch, seenVersion: Version }),
  // The secondee, their firm mentor or BD keep the programme's rhythm.
  z.object({ kind: z.literal('check-in'), secondmentId: Id, checkIn: NewCheckIn }),
  z.object({ kind: z.literal('objective'), secondmentId: Id, objectiveId: Id, objectiveText: z.string().max(200), status: ObjectiveStatus, seenVersion: Version }),
]);
export type OutboxPayload = z.infer<typeof OutboxPayload>;

/**
 * pending: waiting or being sent; rejected: the endpoint refused what was written (reason shown;
 * the user can edit it or discard it); needs-sign-in: the token was refused, kept until the user
 * signs in again (later items of the client wait behind it); conflict: a flag change found the flag
 * changed by someone else meanwhile (412), parked until the user chooses theirs or theirs again;
 * dead-letter: it can no longer succeed (no access, gone, a permanent server failure, or older than
 * the endpoint keeps idempotency keys): kept with its text so the user can copy it, never dropped
 * silently; done: delivered (receipt).
 */
export const OutboxState = z.enum(['pending', 'rejected', 'needs-sign-in', 'conflict', 'dead-letter', 'done']);
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
  /** On a 412: the flag as it is now (null: someone cleared it; absent: the endpoint did not say). */
  currentFlag: CandidateFlag.nullable().optional(),
});
export type OutboxItemView = z.infer<typeof OutboxItemView>;
