import { browser } from 'wxt/browser';
import { deleteExpired, evictLeastRecentlyViewed, tidyAfterSync } from '../cache/eviction';
import { type LensDb, META_KEYS } from '../cache/lens-db';
import { updateProjection } from '../cache/projection-store';
import type { Settings } from '../settings/settings-schema';
import { type SyncHooks, type SyncOutcome, syncBook } from '../sync/book-sync';
import type { SyncProgress } from '../messaging/status-report';
import { readSyncRetry, runAllowedFrom } from '../sync/sync-retry';
import type { ActiveSession } from './active-session';
import { refreshPracticeAreas } from './practice-areas';

export const SYNC_ALARM = 'lens.sync';
const SYNC_EVERY_MINUTES = 15;
/** A worker start syncs only when the last sync is older than this (workers start often). */
const STALE_AFTER_MS = 10 * 60_000;

/**
 * The whole book, kept current through the change feed: at worker start (when stale), on an alarm,
 * after sign-in and on demand. One run at a time; a run interrupted by the worker being stopped
 * resumes from the last committed page. After a failed run no run starts before its back-off (kept
 * in the partition, so a restarted worker waits too). Every run first deletes what is past the
 * firm's maximum age, and a completed run keeps every store within the cap.
 */
export class SyncService {
  private running: Promise<SyncOutcome | null> | null = null;

  constructor(
    private readonly sessions: ActiveSession,
    private readonly onSynced: (outcome: SyncOutcome) => Promise<void>,
    private readonly now: () => number = Date.now,
    /** Purges reach the views page by page, while the run goes on (see SyncHooks). */
    private readonly hooks: SyncHooks = {},
  ) {}

  /** Creates the periodic alarm once; re-creating it at every worker start would keep delaying it. */
  async schedule(): Promise<void> {
    if (await browser.alarms.get(SYNC_ALARM)) return;
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_EVERY_MINUTES, delayInMinutes: SYNC_EVERY_MINUTES });
  }

  async syncIfStale(): Promise<void> {
    const active = await this.sessions.get();
    if ('signedOut' in active) return;
    const last = (await active.db.get('meta', META_KEYS.syncProgress)) as SyncProgress | undefined;
    // A run that was `running` when the worker stopped is resumed at once.
    if (!last || last.state !== 'done' || this.now() - (last.finishedAt ?? 0) > STALE_AFTER_MS) await this.sync();
    else await this.expire(active.db, active.settings);
  }

  /** `userAsked` ("Update now"): skip the back-off, never the endpoint's `Retry-After`. */
  sync(options: { userAsked?: boolean } = {}): Promise<SyncOutcome | null> {
    this.running ??= this.run(options.userAsked === true).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(userAsked: boolean): Promise<SyncOutcome | null> {
    const active = await this.sessions.get();
    if ('signedOut' in active) return null;
    const { db, settings } = active;
    const expired = await this.expire(db, settings);
    if (runAllowedFrom(await readSyncRetry(db), userAsked) > this.now()) {
      if (expired.length > 0) await this.onSynced(emptyOutcome(expired));
      return null; // backing off (or told to wait by Retry-After)
    }
    const outcome = await syncBook(db, active.api, this.now, Math.random, this.hooks);
    for (const id of expired) outcome.purged.add(id);
    if (outcome.failure?.kind === 'http' && outcome.failure.status === 401) await this.sessions.markRejected();
    await evictLeastRecentlyViewed(db, settings.cacheMaxClients);
    if (outcome.progress.state === 'done') {
      await tidyAfterSync(db, outcome.touched, outcome.chunks);
      // The firm's practice areas with the book (once a day at most): a need logged offline on a
      // record never opened online offers them, not only the fallback.
      await refreshPracticeAreas(active).catch(() => false);
    }
    if (outcome.progress.applied > 0 || outcome.purged.size > 0) await this.onSynced(outcome);
    // The pipeline page reads this instead of the whole book; a failure leaves it to read the book.
    await updateProjection(db, [...outcome.touched, ...outcome.purged], this.now()).catch(() => undefined);
    return outcome;
  }

  /** Data past the firm's maximum age is deleted, not just hidden. */
  private expire(db: LensDb, settings: Settings): Promise<string[]> {
    return deleteExpired(db, settings.maxCacheAgeHours * 3_600_000, this.now());
  }
}

function emptyOutcome(purged: string[]): SyncOutcome {
  const at = Date.now();
  return { progress: { state: 'done', startedAt: at, finishedAt: at, applied: 0, pages: 0, error: null, fetchMs: 0, applyMs: 0 }, purged: new Set(purged), touched: new Set(), chunks: 0, failure: null };
}
