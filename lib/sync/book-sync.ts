import { type LensDb, META_KEYS } from '../cache/lens-db';
import { describeApiError } from '../endpoint/api-error';
import type { FirmApi } from '../endpoint/firm-api';
import { applyChanges } from './apply-changes';

const PAGE_SIZE = 5000;

export interface SyncProgress {
  state: 'running' | 'done' | 'error';
  startedAt: number;
  finishedAt: number | null;
  /** Changes applied in this run. */
  applied: number;
  pages: number;
  error: string | null;
  /** Where the time went: waiting for and validating pages, and writing them. */
  fetchMs: number;
  applyMs: number;
}

export interface SyncOutcome {
  progress: SyncProgress;
  purged: Set<string>;
}

/**
 * Pages through `GET /v1/changes` from the saved cursor until the feed has no more, committing each
 * page with its cursor. Progress is written to the cache as it goes (the options page shows it).
 */
export async function syncBook(db: LensDb, api: FirmApi, now: () => number = Date.now): Promise<SyncOutcome> {
  const progress: SyncProgress = { state: 'running', startedAt: now(), finishedAt: null, applied: 0, pages: 0, error: null, fetchMs: 0, applyMs: 0 };
  const purged = new Set<string>();
  await db.put('meta', { ...progress }, META_KEYS.syncProgress);
  let cursor = ((await db.get('meta', META_KEYS.syncCursor)) as string | undefined) ?? '0';
  for (;;) {
    const fetchStart = now();
    const page = await api.changes(cursor, PAGE_SIZE);
    progress.fetchMs += now() - fetchStart;
    if (!page.ok || !('value' in page)) {
      Object.assign(progress, { state: 'error', finishedAt: now(), error: page.ok ? 'No answer.' : describeApiError(page.error).message });
      await db.put('meta', { ...progress }, META_KEYS.syncProgress);
      return { progress, purged };
    }
    const applyStart = now();
    for (const id of await applyChanges(db, page.value.changes, page.value.nextCursor, now())) purged.add(id);
    progress.applyMs += now() - applyStart;
    cursor = page.value.nextCursor;
    progress.applied += page.value.changes.length;
    progress.pages += 1;
    if (!page.value.hasMore) break;
    await db.put('meta', { ...progress }, META_KEYS.syncProgress);
  }
  Object.assign(progress, { state: 'done', finishedAt: now() });
  await db.put('meta', { ...progress }, META_KEYS.syncProgress);
  await db.put('meta', progress.startedAt, META_KEYS.syncConfirmedAt);
  return { progress, purged };
}
