import { browser } from 'wxt/browser';
import { evictLeastRecentlyViewed } from '../cache/context-cache';
import { META_KEYS } from '../cache/lens-db';
import { type SyncOutcome, type SyncProgress, syncBook } from '../sync/book-sync';
import type { ActiveSession } from './active-session';

export const SYNC_ALARM = 'lens.sync';
const SYNC_EVERY_MINUTES = 15;
/** A worker start syncs only when the last sync is older than this (workers start often). */
const STALE_AFTER_MS = 10 * 60_000;

/**
 * The whole book, kept current through the change feed: at worker start (when stale), on an alarm,
 * after sign-in and on demand. One run at a time; a run interrupted by the worker being stopped
 * resumes from the last committed page.
 */
export class SyncService {
  private running: Promise<SyncOutcome | null> | null = null;

  constructor(private readonly sessions: ActiveSession, private readonly onSynced: (outcome: SyncOutcome) => Promise<void>) {}

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
    if (!last || last.state !== 'done' || Date.now() - (last.finishedAt ?? 0) > STALE_AFTER_MS) await this.sync();
  }

  sync(): Promise<SyncOutcome | null> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<SyncOutcome | null> {
    const active = await this.sessions.get();
    if ('signedOut' in active) return null;
    const outcome = await syncBook(active.db, active.api);
    await evictLeastRecentlyViewed(active.db, active.settings.cacheMaxClients);
    if (outcome.progress.applied > 0) await this.onSynced(outcome);
    return outcome;
  }
}
