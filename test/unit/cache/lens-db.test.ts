import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { readContext } from '@/lib/cache/context-cache';
import { DB_VERSION, openLensDb } from '@/lib/cache/lens-db';
import { readyView } from '../components/fixtures';

let n = 0;
const freshName = () => `lens-test-db-${++n}-${Math.random().toString(36).slice(2)}`;

describe('the cache schema', () => {
  it('carries every v1 context into the v2 entity stores and drops the old store', async () => {
    const name = freshName();
    const context = readyView().context;
    const v1 = await openLensDb(name, undefined, 1);
    await (v1 as unknown as { put(store: string, value: unknown): Promise<unknown> }).put('contexts', { clientId: context.client.id, context, etag: '"v1"', fetchedAt: 1_000, lastViewedAt: 2_000 });
    v1.close();

    const v2 = await openLensDb(name);
    expect(v2.version).toBe(DB_VERSION);
    expect([...v2.objectStoreNames]).not.toContain('contexts');
    const cached = await readContext(v2, context.client.id);
    expect(cached?.etag).toBe('"v1"');
    expect(cached?.lastViewedAt).toBe(2_000);
    expect(cached?.context.secondments.map((s) => s.id).sort()).toEqual(context.secondments.map((s) => s.id).sort());
    expect(cached?.context.needs).toHaveLength(context.needs.length);
    expect(cached?.context.candidateFlag).toEqual(context.candidateFlag);
    v2.close();
  });

  it('is not blocked by a connection still open on the old version, and loses no row', async () => {
    const name = freshName();
    const context = readyView().context;
    const old = await openLensDb(name, undefined, 1);
    await (old as unknown as { put(store: string, value: unknown): Promise<unknown> }).put('contexts', { clientId: context.client.id, context, etag: null, fetchedAt: 1, lastViewedAt: 1 });
    let closed = false;
    const stillOpen = await openLensDb(name, () => { closed = true; }, 1); // e.g. a sidebar holding it
    const upgraded = await openLensDb(name);
    expect(closed).toBe(true);
    expect(await readContext(upgraded, context.client.id)).toBeDefined();
    upgraded.close();
    old.close();
    stillOpen.close();
  });

  it('aborts an upgrade step that fails, leaving the old version intact', async () => {
    const name = freshName();
    const v1 = await openLensDb(name, undefined, 1);
    // A v1 row the v2 step cannot read (no context): the migration throws on it.
    await (v1 as unknown as { put(store: string, value: unknown): Promise<unknown> }).put('contexts', { clientId: 'broken' });
    v1.close();
    await expect(openLensDb(name)).rejects.toBeTruthy();
    const raw = await openDB(name);
    expect(raw.version).toBe(1);
    expect([...raw.objectStoreNames]).toContain('contexts');
    raw.close();
  });
});
