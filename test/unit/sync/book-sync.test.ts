import { describe, expect, it } from 'vitest';
import { META_KEYS, openLensDb } from '@/lib/cache/lens-db';
import type { Change, ChangesPage } from '@/lib/contract/changes';
import { syncBook } from '@/lib/sync/book-sync';
import { NEEDS, readyView } from '../components/fixtures';
import { PAGE_SIZE } from '@/lib/sync/page-size';
import { httpError, networkError, okResult, scriptedApi } from './fake-api';
import { bookIds } from '../../support/book-fixtures';

const base = readyView().context.client;
const clients: Change[] = Array.from({ length: 6 }, (_, i) => ({ type: 'client.upsert', client: { ...base, id: `c${i}`, name: `Client ${i}` } }));
const needs: Change[] = clients.map((_, i) => ({ type: 'need.upsert', need: { ...NEEDS[0]!, id: `n${i}`, clientId: `c${i}` } }));
const feed = [...clients, ...needs];

/** A feed of 12 changes served two at a time; `failAt` cursors answer with a network error once. */
function feedApi(failAt: Set<string> = new Set()) {
  return scriptedApi({
    changes: async (since: string) => {
      if (failAt.delete(since)) return networkError;
      const from = Number(since);
      const page: ChangesPage = { changes: feed.slice(from, from + 2), nextCursor: String(Math.min(from + 2, feed.length)), hasMore: from + 2 < feed.length };
      return okResult(page);
    },
  });
}

describe('book sync', () => {
  it('pages through the whole feed and confirms the cache as of its start', async () => {
    const db = await openLensDb(`lens-test-bs-${Math.random()}`);
    const { api } = feedApi();
    const { progress } = await syncBook(db, api, () => 1_000);
    expect(progress).toMatchObject({ state: 'done', applied: 12, pages: 6 });
    expect((await bookIds(db)).clients).toHaveLength(6);
    expect((await bookIds(db)).needs).toHaveLength(6);
    expect(await db.get('meta', META_KEYS.syncConfirmedAt)).toBe(1_000);
  });

  it('resumes after an interruption from the last committed page, fetching no page twice', async () => {
    const db = await openLensDb(`lens-test-bs-${Math.random()}`);
    const broken = feedApi(new Set(['6']));
    const first = await syncBook(db, broken.api);
    expect(first.progress).toMatchObject({ state: 'error', applied: 6 });
    expect(await db.get('meta', META_KEYS.syncCursor)).toBe('6');

    const resumed = feedApi();
    const second = await syncBook(db, resumed.api);
    expect(second.progress).toMatchObject({ state: 'done', applied: 6 });
    expect(resumed.calls.map((c) => c.args[0])).toEqual(['6', '8', '10']);
    expect((await bookIds(db)).clients).toHaveLength(6);
    expect((await bookIds(db)).needs).toHaveLength(6);
  });

  it('tells of a page’s purges as soon as it commits, not when the run ends', async () => {
    const db = await openLensDb(`lens-test-bs-${Math.random()}`);
    const events: string[] = [];
    let told = () => {};
    const purgeTold = new Promise<void>((resolve) => (told = resolve));
    const { api } = scriptedApi({
      changes: async (since: string) => {
        events.push(`fetch ${since}`);
        if (since === '3') {
          // The last page answers only once the revoke was told (or after a second: then too late).
          await Promise.race([purgeTold, new Promise((resolve) => setTimeout(resolve, 1_000))]);
          events.push('page 3 answered');
        }
        return okResult(since === '0'
          ? { changes: [clients[0], clients[1]], nextCursor: '2', hasMore: true }
          : since === '2'
            ? { changes: [{ type: 'access.revoke', clientId: 'c0' }], nextCursor: '3', hasMore: true }
            : { changes: [clients[2]], nextCursor: '4', hasMore: false });
      },
    });
    const hooks = {
      onPagePurged: async (ids: ReadonlySet<string>) => {
        events.push(`purged ${[...ids].join()} at cursor ${await db.get('meta', META_KEYS.syncCursor)}, book ${(await bookIds(db)).clients.join()}`);
        told();
      },
    };
    await syncBook(db, api, () => 1, () => 0, hooks);
    // Page 2's revoke is told once page 2 (cursor 3) committed, while the run still waits for page 3.
    expect(events).toEqual(['fetch 0', 'fetch 2', 'fetch 3', 'purged c0 at cursor 3, book c1', 'page 3 answered']);
  });

  it('starts over from the stored cursor when expiry restarts the feed under a running sync', async () => {
    const db = await openLensDb(`lens-test-bs-${Math.random()}`);
    const asked: string[] = [];
    let reset = true;
    const { api } = scriptedApi({
      changes: async (since: string) => {
        asked.push(since);
        // Asked for (ahead) while the page from 2 is written: expiry deletes data and the cursor
        // first (eviction.ts deleteExpired).
        if (since === '4' && reset) {
          reset = false;
          await db.delete('meta', META_KEYS.syncCursor);
        }
        const from = Number(since);
        return okResult({ changes: feed.slice(from, from + 2), nextCursor: String(Math.min(from + 2, feed.length)), hasMore: from + 2 < feed.length });
      },
    });
    const { progress } = await syncBook(db, api);
    expect(progress.state).toBe('done');
    // The page from 2 was not written over the restart: the run went back to the start, not past it.
    expect(asked).toEqual(['0', '2', '4', '0', '2', '4', '6', '8', '10']);
    expect(await db.get('meta', META_KEYS.syncCursor)).toBe('12');
    expect(await bookIds(db)).toMatchObject({ clients: ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'] });
  });

  it('applies a page except the one change that fails the contract, quarantines it and moves on', async () => {
    const db = await openLensDb(`lens-test-bs-${Math.random()}`);
    const bad = { type: 'need.upsert', need: { id: 'n-bad', title: 42 } };
    const { api } = scriptedApi({
      changes: async (since: string) => okResult(since === '0'
        ? { changes: [clients[0], bad, clients[1]], nextCursor: '3', hasMore: true }
        : { changes: [{ type: 'access.revoke', clientId: 'c0' }], nextCursor: '4', hasMore: false }),
    });
    const { progress, purged } = await syncBook(db, api, () => 5);
    expect(progress).toMatchObject({ state: 'done', applied: 3, quarantined: 1 });
    expect((await bookIds(db)).clients).toEqual(['c1']);
    expect([...purged]).toEqual(['c0']); // the revoke after the bad change still arrives
    expect(await db.get('meta', META_KEYS.syncCursor)).toBe('4');
    const [kept] = await db.getAll('quarantine');
    expect(kept).toMatchObject({ cursor: '0', at: 5 });
    expect(kept?.reason).toContain('need');
    expect(kept?.change).toContain('n-bad');
  });

  it('asks again in smaller pages when an answer is over the byte cap, and grows back after pages that fit', async () => {
    const db = await openLensDb(`lens-test-bs-${Math.random()}`);
    const limits: number[] = [];
    const { api } = scriptedApi({
      changes: async (since: string, limit: number) => {
        limits.push(limit);
        if (limit > 300) return { ok: false, error: { kind: 'too-large', limitBytes: 1 } };
        const from = Number(since);
        return okResult({ changes: [], nextCursor: String(from + 1), hasMore: from < 5 });
      },
    });
    expect((await syncBook(db, api)).progress.state).toBe('done');
    expect(limits.slice(0, 3)).toEqual([PAGE_SIZE.start, PAGE_SIZE.start / 2, PAGE_SIZE.start / 4]);
    expect(limits).toContain(375); // 250 × 1.5 after four pages that fitted
    expect(await db.get('meta', META_KEYS.syncPageSize)).toBe(187); // 375 was over again: halved, and kept for the next run
  });

  it('backs off after a failure (persisted), never before Retry-After, and clears it once done', async () => {
    const db = await openLensDb(`lens-test-bs-${Math.random()}`);
    const busy = scriptedApi({ changes: async () => httpError(503, { retryAfterMs: 120_000 }) });
    const failed = await syncBook(db, busy.api, () => 1_000, () => 0);
    expect(failed.failure).toMatchObject({ kind: 'http', status: 503 });
    expect(await db.get('meta', META_KEYS.syncRetry)).toEqual({ failures: 1, notBefore: 121_000, retryAfterUntil: 121_000 });
    expect(failed.progress.nextAttemptAt).toBe(121_000);

    const again = await syncBook(db, scriptedApi({ changes: async () => networkError }).api, () => 200_000, () => 1);
    expect(await db.get('meta', META_KEYS.syncRetry)).toEqual({ failures: 2, notBefore: 204_000, retryAfterUntil: 0 }); // 2 s × 2¹, no jitter taken off; no Retry-After this time
    expect(again.progress.state).toBe('error');

    await syncBook(db, feedApi().api);
    expect(await db.get('meta', META_KEYS.syncRetry)).toEqual({ failures: 0, notBefore: 0, retryAfterUntil: 0 });
  });

  it('does not back off for a refused token: signing in again must sync at once', async () => {
    const db = await openLensDb(`lens-test-bs-${Math.random()}`);
    await db.put('meta', { failures: 2, notBefore: 9_999 }, META_KEYS.syncRetry);
    const refused = await syncBook(db, scriptedApi({ changes: async () => httpError(401) }).api, () => 1_000);
    expect(refused.failure).toMatchObject({ status: 401 });
    expect(await db.get('meta', META_KEYS.syncRetry)).toEqual({ failures: 0, notBefore: 0, retryAfterUntil: 0 });
  });
});
