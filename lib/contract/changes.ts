import { z } from 'zod';
import { CandidateFlag } from './candidate-flag';
import { Client } from './client';
import { Need } from './need';
import { Id } from './primitives';
import { Secondment } from './secondment';

/**
 * One entry of the delta feed `GET /v1/changes?since={cursor}`. The feed is per user: a client behind
 * an ethical wall never appears, and a wall raised later appears as `access.revoke`.
 */
export const Change = z.discriminatedUnion('type', [
  z.object({ type: z.literal('client.upsert'), client: Client }),
  z.object({ type: z.literal('client.delete'), clientId: Id }),
  z.object({ type: z.literal('secondment.upsert'), secondment: Secondment }),
  z.object({ type: z.literal('secondment.delete'), clientId: Id, secondmentId: Id }),
  z.object({ type: z.literal('need.upsert'), need: Need }),
  z.object({ type: z.literal('need.delete'), clientId: Id, needId: Id }),
  z.object({ type: z.literal('flag.set'), flag: CandidateFlag }),
  z.object({ type: z.literal('flag.clear'), clientId: Id }),
  z.object({ type: z.literal('access.revoke'), clientId: Id }),
]);
export type Change = z.infer<typeof Change>;

export const ChangesPage = z.object({
  changes: z.array(Change).max(5000),
  /** Pass as `since` for the next page; opaque. */
  nextCursor: z.string().min(1).max(200),
  hasMore: z.boolean(),
});
export type ChangesPage = z.infer<typeof ChangesPage>;
