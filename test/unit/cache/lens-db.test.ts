import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { readContext, writeContext } from '@/lib/cache/context-cache';
import { PAGE_READ_STORES, readProjectedBook } from '@/lib/cache/projection-reader';
import { readFirstLook } from '@/lib/cache/first-look';
import { recordKey } from '@/lib/cache/record-index';
import { DB_VERSION, type LensDb, lensTx, META_KEYS, openLensDb } from '@/lib/cache/lens-db';
import { deleteExpired } from '@/lib/cache/eviction';
import { bookIds } from '../../support/book-fixtures';
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

  it('carries every v2 client and resolution into v3, indexed by PMS record and by client', async () => {
    const name = freshName();
    const record = { system: 'clio' as const, kind: 'contact' as const, externalId: '1001', tenant: 'app.clio.com' };
    const client = { ...readyView().context.client, externalIds: [record] };
    const v2 = (await openLensDb(name, undefined, 2)) as unknown as { put(store: string, value: unknown): Promise<unknown>; close(): void };
    await v2.put('clients', { id: client.id, client, etag: '"v2"', fetchedAt: 1_000, lastViewedAt: 2_000 });
    await v2.put('resolutions', { refKey: 'clio|contact|x|1', matches: [{ id: client.id, name: client.name, industry: client.industry }], chosenClientId: null, resolvedAt: 5 });
    v2.close();

    const v3 = await openLensDb(name);
    expect(v3.version).toBe(DB_VERSION);
    expect(await v3.get('views', client.id)).toMatchObject({ etag: '"v2"', fetchedAt: 1_000, lastViewedAt: 2_000 });
    expect((await v3.getAllFromIndex('book', 'byRecord', recordKey(record))).flatMap((c) => c.clientIds)).toEqual([client.id]);
    expect(await v3.getAllKeysFromIndex('resolutions', 'byClient', client.id)).toEqual(['clio|contact|x|1']);
    expect(await v3.count('quarantine')).toBe(0);
    // A record never resolved online now finds its synced client.
    const look = await readFirstLook(v3, record);
    expect(look.resolution).toMatchObject({ resolvedAt: 0, matches: [{ id: client.id }] });
    expect(look.cached?.etag).toBe('"v2"');
    v3.close();
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

  it('aborts the v3 step on a v2 row it cannot read, leaving v2 and its rows intact', async () => {
    const name = freshName();
    const v2 = (await openLensDb(name, undefined, 2)) as unknown as { put(store: string, value: unknown): Promise<unknown>; close(): void };
    await v2.put('clients', { id: 'broken', etag: null, fetchedAt: 1, lastViewedAt: 1 }); // no client: no record ids
    v2.close();
    await expect(openLensDb(name)).rejects.toBeTruthy();
    const raw = await openDB(name);
    expect(raw.version).toBe(2);
    expect([...raw.objectStoreNames]).not.toContain('quarantine');
    expect(await raw.get('clients', 'broken')).toMatchObject({ id: 'broken' });
    raw.close();
  });

  it('adds the empty pipeline projection in v4 and keeps every v3 row; the page reads the stores until it is built', async () => {
    const name = freshName();
    const context = readyView().context;
    const v3 = (await openLensDb(name, undefined, 3)) as unknown as { put(store: string, value: unknown): Promise<unknown>; close(): void };
    await v3.put('clients', { id: context.client.id, client: context.client, etag: '"v3"', fetchedAt: 1_000, lastViewedAt: 1_000, recordKeys: [] });
    for (const n of context.needs) await v3.put('needs', n);
    v3.close();

    const v4 = await openLensDb(name);
    expect(v4.version).toBe(DB_VERSION);
    expect([...v4.objectStoreNames]).toContain('pipeline');
    expect(await v4.count('pipeline')).toBe(0);
    expect((await readContext(v4, context.client.id))?.etag).toBe('"v3"');
    const read = await readProjectedBook(lensTx(v4, PAGE_READ_STORES, 'readonly'));
    expect(read.source).toEqual({ from: 'stores' });
    expect(read.book.needs).toHaveLength(context.needs.length);
    v4.close();
  });

  it('packs every v4 client, secondment and need into v5 book chunks, viewing data into views, and drops the entity stores', async () => {
    const name = freshName();
    const context = readyView().context;
    const record = { system: 'clio' as const, kind: 'contact' as const, externalId: '77', tenant: null };
    context.client = { ...context.client, externalIds: [record] };
    const synced = { ...context.client, id: 'c-synced', name: 'Synced only', externalIds: [] };
    const v4 = (await openLensDb(name, undefined, 4)) as unknown as { put(store: string, value: unknown, key?: unknown): Promise<unknown>; close(): void };
    await v4.put('clients', { id: context.client.id, client: context.client, etag: '"v4"', fetchedAt: 5_000, lastViewedAt: 6_000, recordKeys: [recordKey(record)] });
    await v4.put('clients', { id: synced.id, client: synced, etag: null, fetchedAt: 1_000, lastViewedAt: 0, recordKeys: [] });
    for (const s of context.secondments) await v4.put('secondments', s);
    for (const n of context.needs) await v4.put('needs', n);
    await v4.put('needs', { ...context.needs[0]!, id: 'n-synced', clientId: synced.id });
    if (context.candidateFlag) await v4.put('flags', context.candidateFlag);
    v4.close();

    const v5 = await openLensDb(name);
    expect(v5.version).toBe(DB_VERSION);
    expect([...v5.objectStoreNames].sort()).toEqual(['book', 'flags', 'meta', 'outbox', 'pipeline', 'quarantine', 'resolutions', 'views']);
    const cached = await readContext(v5, context.client.id);
    expect(cached).toMatchObject({ etag: '"v4"', lastViewedAt: 6_000 });
    expect(cached?.context.secondments.map((s) => s.id).sort()).toEqual(context.secondments.map((s) => s.id).sort());
    expect(cached?.context.needs.map((n) => n.id).sort()).toEqual(context.needs.map((n) => n.id).sort());
    expect(cached?.context.candidateFlag).toEqual(context.candidateFlag);
    expect((await readContext(v5, synced.id))?.context.needs.map((n) => n.id)).toEqual(['n-synced']);
    expect(await v5.get('views', synced.id)).toBeUndefined(); // never opened: no viewing data
    expect(await v5.get('meta', META_KEYS.bookDirectory)).toEqual([context.client.id, synced.id].sort());
    expect((await readFirstLook(v5, record)).resolution).toMatchObject({ matches: [{ id: context.client.id }] });
    // Each client keeps its own age: the synced one (1,000) expires, the opened one (5,000) stays.
    expect(await deleteExpired(v5, 2_000, 4_000)).toEqual([synced.id]);
    expect((await bookIds(v5)).mentioned).toEqual([context.client.id]);
    v5.close();
  });
});
