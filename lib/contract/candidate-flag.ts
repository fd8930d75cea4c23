import { z } from 'zod';
import { Id, IsoDateTime, PersonRef } from './primitives';

export const FlagPriority = z.enum(['low', 'medium', 'high']);
export type FlagPriority = z.infer<typeof FlagPriority>;

/** BD's mark that a client is a good candidate for a (new) secondment. */
export const CandidateFlag = z.object({
  clientId: Id,
  flaggedBy: PersonRef,
  flaggedAt: IsoDateTime,
  reason: z.string().min(1).max(1000),
  priority: FlagPriority,
  /**
   * Opaque version of the flag, changed by every write. Send it back quoted in `If-Match`
   * (`If-Match: "<version>"`) to change or clear this flag; the `ETag` header carries the same value.
   * Optional only so that a cache written before versions existed still reads.
   */
  version: z.string().min(1).max(100).regex(/^[\x21\x23-\x7e]+$/, 'visible ASCII, no quotes').optional(),
});
export type CandidateFlag = z.infer<typeof CandidateFlag>;

/** `If-Match` value for a flag version (a strong entity tag). */
export const flagEntityTag = (version: string) => `"${version}"`;

/** Body of `PUT /v1/clients/{id}/candidate-flag`. */
export const CandidateFlagInput = z.strictObject({
  reason: z.string().trim().min(1, 'Say why this client is a candidate.').max(1000, 'At most 1000 characters.'),
  priority: FlagPriority,
});
export type CandidateFlagInput = z.input<typeof CandidateFlagInput>;
