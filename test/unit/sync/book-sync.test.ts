import { describe, expect, it } from 'vitest';
import { META_KEYS, openLensDb } from '@/lib/cache/lens-db';
import type { Change, ChangesPage } from '@/lib/contract/changes';
import { syncBook } from '@/lib/sync/book-sync';
import { NEEDS, readyView } from '../components/fixtures';
import { networkError, okResult, scriptedApi } from './fake-api';

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
    expect(await db.count('clients')).toBe(6);
    expect(await db.count('needs')).toBe(6);
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
    expect(await db.count('clients')).toBe(6);
    expect(await db.count('needs')).toBe(6);
  });
});
