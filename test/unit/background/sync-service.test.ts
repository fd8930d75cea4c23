import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Active, ActiveSession } from '@/lib/background/active-session';
import { cachedPracticeAreas } from '@/lib/background/practice-areas';
import { SyncService } from '@/lib/background/sync-service';
import { writeContext } from '@/lib/cache/context-cache';
import { type LensDb, META_KEYS, openLensDb } from '@/lib/cache/lens-db';
import { SettingsSchema } from '@/lib/settings/settings-schema';
import { readyView } from '../components/fixtures';
import { httpError, okResult, scriptedApi } from '../sync/fake-api';
import { bookIds } from '../../support/book-fixtures';

const NOW = 10_000 * 3_600_000;
let db: LensDb;

/** The session service as the sync sees it: always signed in, recording refusals. */
function sessionsWith(api: Active['api']) {
  const rejected: number[] = [];
  const active = { db, api, settings: SettingsSchema.parse({ maxCacheAgeHours: 24 }), session: {} } as unknown as Active;
  const sessions = { get: async () => active, markRejected: async () => void rejected.push(1) } as unknown as ActiveSession;
  return { sessions, rejected };
}

const emptyFeed = () => scriptedApi({ changes: async () => okResult({ changes: [], nextCursor: '1', hasMore: false }) });

beforeEach(async () => {
  fakeBrowser.reset();
  db = await openLensDb(`lens-test-ss-${Math.random().toString(36).slice(2)}`);
});

describe('the sync service', () => {
  it('does not call the endpoint while backing off, even in a restarted worker', async () => {
    await db.put('meta', { failures: 3, notBefore: NOW + 60_000 }, META_KEYS.syncRetry);
    const feed = emptyFeed();
    const service = new SyncService(sessionsWith(feed.api).sessions, async () => undefined, () => NOW);
    expect(await service.sync()).toBeNull();
    expect(feed.calls).toEqual([]);

    const later = new SyncService(sessionsWith(feed.api).sessions, async () => undefined, () => NOW + 61_000);
    expect((await later.sync())?.progress.state).toBe('done');
    expect(feed.calls.filter((c) => c.method === 'changes')).toHaveLength(1);
  });

  it('"Update now" skips the back-off but never the endpoint’s Retry-After', async () => {
    const feed = emptyFeed();
    const service = new SyncService(sessionsWith(feed.api).sessions, async () => undefined, () => NOW);
    await db.put('meta', { failures: 3, notBefore: NOW + 60_000, retryAfterUntil: NOW + 30_000 }, META_KEYS.syncRetry);
    expect(await service.sync({ userAsked: true })).toBeNull();
    expect(feed.calls).toEqual([]);

    await db.put('meta', { failures: 3, notBefore: NOW + 60_000, retryAfterUntil: 0 }, META_KEYS.syncRetry);
    expect(await service.sync()).toBeNull(); // automatic: still backing off
    expect((await service.sync({ userAsked: true }))?.progress.state).toBe('done');
    expect(feed.calls.filter((c) => c.method === 'changes')).toHaveLength(1);
  });

  it('a completed sync brings the firm’s practice areas along, once a day at most', async () => {
    const { api, calls } = scriptedApi({
      changes: async () => okResult({ changes: [], nextCursor: '1', hasMore: false }),
      practiceAreas: async () => okResult({ practiceAreas: ['Employment', 'Tax'] }),
    });
    const service = new SyncService(sessionsWith(api).sessions, async () => undefined, () => NOW);
    expect((await service.sync())?.progress.state).toBe('done');
    expect(await cachedPracticeAreas(db)).toEqual(['Employment', 'Tax']);
    await service.sync({ userAsked: true });
    expect(calls.filter((c) => c.method === 'practiceAreas')).toHaveLength(1);
  });

  it('locks the session when the feed answers 401', async () => {
    const { sessions, rejected } = sessionsWith(scriptedApi({ changes: async () => httpError(401) }).api);
    await new SyncService(sessions, async () => undefined, () => NOW).sync();
    expect(rejected).toHaveLength(1);
  });

  it('deletes what is past the firm’s maximum age before it syncs, and tells the views', async () => {
    await writeContext(db, { ...readyView().context, client: { ...readyView().context.client, id: 'c-old' } }, null, NOW - 30 * 3_600_000);
    const told: string[][] = [];
    const { sessions } = sessionsWith(emptyFeed().api);
    await new SyncService(sessions, async (outcome) => void told.push([...outcome.purged]), () => NOW).sync();
    expect((await bookIds(db)).mentioned).not.toContain('c-old');
    expect(told).toEqual([['c-old']]);
  });

  it('writes the pipeline projection after a sync, with what the feed brought', async () => {
    const context = readyView().context;
    const feed = scriptedApi({ changes: async () => okResult({ changes: [{ type: 'client.upsert', client: context.client }, ...context.needs.map((need) => ({ type: 'need.upsert' as const, need }))], nextCursor: '2', hasMore: false }) });
    const { sessions } = sessionsWith(feed.api);
    await new SyncService(sessions, async () => undefined, () => NOW).sync();
    expect(await db.get('pipeline', 'head')).toMatchObject({ counts: { clients: 1, needs: context.needs.length } });
  });
});
