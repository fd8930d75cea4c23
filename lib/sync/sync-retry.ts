import { type LensDb, META_KEYS } from '../cache/lens-db';
import { nextRetryDelay } from './backoff';

/** Book sync's back-off, kept in the partition: a worker restart must not hammer the endpoint. */
export interface SyncRetry {
  /** Failed runs in a row. */
  failures: number;
  /** No automatic run before this (ms since epoch): the back-off, and never before `Retry-After`. */
  notBefore: number;
  /**
   * No run at all before this, even one the user asks for: what the endpoint's `Retry-After` said
   * (0 when it said nothing; absent in state written before it was kept apart).
   */
  retryAfterUntil?: number;
}

export const NO_RETRY: SyncRetry = { failures: 0, notBefore: 0, retryAfterUntil: 0 };

export async function readSyncRetry(db: LensDb): Promise<SyncRetry> {
  return ((await db.get('meta', META_KEYS.syncRetry)) as SyncRetry | undefined) ?? NO_RETRY;
}

/** The state after one more failed run: capped exponential back-off, jittered, and `Retry-After` honoured. */
export function afterFailure(previous: SyncRetry, retryAfterMs: number | null, now: number, random: () => number = Math.random): SyncRetry {
  return {
    failures: previous.failures + 1,
    notBefore: now + nextRetryDelay(previous.failures, retryAfterMs, random),
    retryAfterUntil: retryAfterMs === null ? 0 : now + retryAfterMs,
  };
}

/** When the next run may start: an automatic one waits out the back-off; one the user asked for only `Retry-After`. */
export function runAllowedFrom(retry: SyncRetry, userAsked: boolean): number {
  return userAsked ? (retry.retryAfterUntil ?? retry.notBefore) : retry.notBefore;
}
