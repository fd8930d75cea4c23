import { type LensDb, META_KEYS } from '../cache/lens-db';
import { type ApiError, describeApiError } from '../endpoint/api-error';
import type { FirmApi } from '../endpoint/firm-api';
import { applyChanges, PageOutOfTurn } from './apply-changes';
import { GROW_AFTER_PAGES, growPageSize, PAGE_SIZE, shrinkPageSize } from './page-size';
import { afterFailure, NO_RETRY, readSyncRetry } from './sync-retry';
import { checkChanges } from './validate-changes';
import type { SyncProgress } from '../messaging/status-report';


/** Times a run starts over from the stored cursor when it moved under the run, before giving up (a defect). */
const MAX_RESTARTS = 3;

export interface SyncOutcome {
  progress: SyncProgress;
  purged: Set<string>;
  /** Clients with a change applied in this run (record, secondment, need, flag). */
  touched: Set<string>;
  /** Book chunks this run appended (tidying after it compares them with the book's size). */
  chunks: number;
  /** Why the run stopped, when it did not complete. */
  failure: ApiError | null;
}

export interface SyncHooks {
  /** Clients a page purged (revoked, deleted), right after that page committed. */
  onPagePurged?(clientIds: ReadonlySet<string>): Promise<void>;
}

/**
 * Pages through `GET /v1/changes` from the saved cursor until the feed has no more, committing each
 * page with its cursor. A change that fails the contract is quarantined and the page still applies;
 * an oversize answer is asked for again in a smaller page; a failed run records its back-off (see
 * SyncRetry), a completed one clears it. Progress is written to the cache as it goes (the options
 * page shows it).
 */
export async function syncBook(db: LensDb, api: FirmApi, now: () => number = Date.now, random: () => number = Math.random, hooks: SyncHooks = {}): Promise<SyncOutcome> {
  const progress: SyncProgress = { state: 'running', startedAt: now(), finishedAt: null, applied: 0, pages: 0, error: null, fetchMs: 0, validateMs: 0, applyMs: 0, quarantined: 0, nextAttemptAt: null };
  const outcome: SyncOutcome = { progress, purged: new Set(), touched: new Set(), chunks: 0, failure: null };
  // One transaction to start and one to finish: a delta sync of a few changes is mostly these.
  const start = db.transaction('meta', 'readwrite');
  const [, storedCursor, storedSize] = await Promise.all([
    start.store.put({ ...progress }, META_KEYS.syncProgress),
    start.store.get(META_KEYS.syncCursor) as Promise<string | undefined>,
    start.store.get(META_KEYS.syncPageSize) as Promise<number | undefined>,
    start.done,
  ]);
  let cursor = storedCursor ?? '0';
  let pageSize = storedSize ?? PAGE_SIZE.start;
  let fitted = 0;
  let next: ReturnType<FirmApi['changes']> | null = null;
  let restarts = 0;
  for (;;) {
    const fetchStart = now();
    const page = await (next ?? api.changes(cursor, pageSize));
    next = null;
    progress.fetchMs += now() - fetchStart;
    if (!page.ok && page.error.kind === 'too-large' && pageSize > PAGE_SIZE.min) {
      pageSize = shrinkPageSize(pageSize);
      fitted = 0;
      await db.put('meta', pageSize, META_KEYS.syncPageSize);
      continue;
    }
    if (!page.ok || !('value' in page)) {
      const failure: ApiError = page.ok ? { kind: 'invalid-response', message: 'No answer.' } : page.error;
      // A refused token is not the endpoint's trouble: the session locks, and signing in again
      // must be followed by a sync at once, not after a back-off.
      const refused = failure.kind === 'http' && failure.status === 401;
      const retry = refused ? NO_RETRY : afterFailure(await readSyncRetry(db), failure.kind === 'http' ? failure.retryAfterMs : null, now(), random);
      Object.assign(progress, { state: 'error', finishedAt: now(), error: describeApiError(failure).message, nextAttemptAt: retry.notBefore || null });
      await db.put('meta', retry, META_KEYS.syncRetry);
      await db.put('meta', { ...progress }, META_KEYS.syncProgress);
      return { ...outcome, failure };
    }
    if (++fitted >= GROW_AFTER_PAGES && pageSize < PAGE_SIZE.max) {
      pageSize = growPageSize(pageSize);
      fitted = 0;
      await db.put('meta', pageSize, META_KEYS.syncPageSize);
    }
    // The next page is asked for now and arrives while this one is written: most of a write's time
    // is IndexedDB's, in the browser process, not on this thread. The cursor still moves only with
    // the page it covers; a prefetched page is simply asked for again after an interruption.
    if (page.value.hasMore) next = api.changes(page.value.nextCursor, pageSize);
    const validateStart = now();
    const checked = checkChanges(page.value.changes, cursor, now());
    progress.validateMs = (progress.validateMs ?? 0) + now() - validateStart;
    const applyStart = now();
    const applied = await applyChanges(db, checked.valid, page.value.nextCursor, now(), checked.invalid, { after: cursor }).catch((error: unknown) => {
      if (error instanceof PageOutOfTurn && ++restarts <= MAX_RESTARTS) return null;
      throw error;
    });
    if (!applied) {
      // The cursor moved under this run (expiry restarts the feed: eviction.ts deleteExpired): the
      // page was not written; carry on from where the cache now is, the prefetched page unread.
      progress.applyMs += now() - applyStart;
      cursor = ((await db.get('meta', META_KEYS.syncCursor)) as string | undefined) ?? '0';
      next = null;
      continue;
    }
    const { purged: purgedNow, touched, chunks } = applied;
    for (const id of purgedNow) outcome.purged.add(id);
    for (const id of touched) outcome.touched.add(id);
    outcome.chunks += chunks;
    // Told as soon as the page commits, not when the run ends: a look-up answered meanwhile must
    // not show or re-cache a client this page revoked (a full sync runs for many seconds).
    if (purgedNow.size > 0) await hooks.onPagePurged?.(purgedNow);
    progress.applyMs += now() - applyStart;
    cursor = page.value.nextCursor;
    progress.applied += checked.valid.length;
    progress.quarantined = (progress.quarantined ?? 0) + checked.invalid.length;
    progress.pages += 1;
    if (!page.value.hasMore) break;
    await db.put('meta', { ...progress }, META_KEYS.syncProgress);
  }
  Object.assign(progress, { state: 'done', finishedAt: now() });
  const end = db.transaction('meta', 'readwrite');
  await Promise.all([
    end.store.put(NO_RETRY, META_KEYS.syncRetry),
    end.store.put({ ...progress }, META_KEYS.syncProgress),
    end.store.put(progress.startedAt, META_KEYS.syncConfirmedAt),
    end.done,
  ]);
  return outcome;
}
