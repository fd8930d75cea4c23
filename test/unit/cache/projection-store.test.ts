import { describe, expect, it } from 'vitest';
import { purgeClient, writeContext } from '@/lib/cache/context-cache';
import { deleteExpired, evictLeastRecentlyViewed } from '@/lib/cache/eviction';
import { type LensDb, lensTx, openLensDb } from '@/lib/cache/lens-db';
import { PAGE_READ_STORES, readProjectedBook } from '@/lib/cache/projection-reader';
import { updateProjection } from '@/lib/cache/projection-store';
import type { ClientContext } from '@/lib/contract/client-context';
import { PROJECTION_HEAD_KEY } from '@/lib/pipeline/projection';
import { applyChanges } from '@/lib/sync/apply-changes';
import { readyView } from '../components/fixtures';

// The projection the pipeline page reads, against fake-indexeddb: kept in step by the sync
// service's update, emptied of a client by every way a client leaves the cache.

const open = () => openLensDb(`lens-test-proj-${Math.random().toString(36).slice(2)}`);
const contextFor = (id: string, title = `Need of ${id}`): ClientContext => {
  const base = readyView().context;
  return {
    ...base,
    client: { ...base.client, id, name: `Client ${id}` },
    secondments: base.secondments.map((s) => ({ ...s, id: `${id}-${s.id}`, clientId: id })),
    needs: base.needs.map((x, i) => ({ ...x, id: `${id}-${x.id}`, clientId: id, title: i === 0 ? title : x.title })),
    candidateFlag: base.candidateFlag && { ...base.candidateFlag, clientId: id },
  };
};

/** The page's read, as pipeline.html makes it. */
async function pageRead(db: LensDb) {
  return readProjectedBook(lensTx(db, PAGE_READ_STORES, 'readonly'));
}

/** Every byte of the projection on disk, as text (typed arrays spelled out). */
async function storedText(db: LensDb): Promise<string> {
  return JSON.stringify(await db.getAll('pipeline'), (_k, v: unknown) => (ArrayBuffer.isView(v) ? [...(v as Int32Array)] : v));
}

async function bookOf(db: LensDb, ids: string[], at = 1_000) {
  for (const id of ids) await writeContext(db, contextFor(id), null, at);
  expect(await updateProjection(db, [], at + 1)).toBe('rebuilt');
}

describe('the pipeline projection in the cache', () => {
  it('is what the page reads, the same book as the entity stores', async () => {
    const db = await open();
    await bookOf(db, ['a', 'b', 'c']);
    const fromProjection = await pageRead(db);
    expect(fromProjection.source).toEqual({ from: 'projection', chunks: 1, patched: 0 });
    await db.clear('pipeline');
    const fromStores = await pageRead(db);
    expect(fromStores.source).toEqual({ from: 'stores' });
    const sorted = <T extends { id: string }>(xs: T[]) => [...xs].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(sorted(fromProjection.book.needs)).toEqual(sorted(fromStores.book.needs));
    expect(sorted(fromProjection.book.secondments)).toEqual(sorted(fromStores.book.secondments));
    expect(sorted(fromProjection.book.clients)).toEqual(sorted(fromStores.book.clients));
    expect(fromProjection.book.flags).toHaveLength(3);
  });

  it('loses a purged client in the purge itself: not on disk, not on the page', async () => {
    const db = await open();
    await bookOf(db, ['a', 'walled']);
    expect(await storedText(db)).toContain('Client walled');
    await purgeClient(db, 'walled');
    expect(await storedText(db)).not.toContain('walled');
    const { book, source } = await pageRead(db);
    expect(source.from).toBe('projection');
    expect(book.clients.map((c) => c.id)).toEqual(['a']);
    expect(book.needs.every((n) => n.clientId === 'a')).toBe(true);
  });

  it('loses a client revoked by the change feed in the page that applies it', async () => {
    const db = await open();
    await bookOf(db, ['a', 'revoked']);
    await applyChanges(db, [{ type: 'access.revoke', clientId: 'revoked' }], '7');
    expect(await storedText(db)).not.toContain('revoked');
  });

  it('loses evicted and expired clients with their other data', async () => {
    const db = await open();
    for (const [id, at] of [['old', 1], ['mid', 2], ['new', 3]] as const) await writeContext(db, contextFor(id), null, at);
    await updateProjection(db, [], 4);
    expect(await evictLeastRecentlyViewed(db, 2)).toBe(1);
    expect(await storedText(db)).not.toContain('old');
    expect(await deleteExpired(db, 10, 12.5)).toEqual(['mid']);
    expect(await storedText(db)).not.toContain('mid');
    expect((await pageRead(db)).book.clients.map((c) => c.id)).toEqual(['new']);
  });

  it('is patched chunk by chunk for what a sync touched, deletions included (every book part names its client)', async () => {
    const db = await open();
    await bookOf(db, ['a', 'b']);
    await applyChanges(db, [{ type: 'need.upsert', need: { ...contextFor('b').needs[0]!, id: 'b-new', title: 'Fresh from the feed' } }], '8', 5_000);
    expect(await updateProjection(db, ['b'], 5_001)).toBe('patched');
    expect(await storedText(db)).toContain('Fresh from the feed');

    // Named by nobody: the book's chunk written since the projection names the client.
    await applyChanges(db, [{ type: 'need.delete', clientId: 'b', needId: 'b-new' }], '9', 6_000);
    expect(await updateProjection(db, [], 6_001)).toBe('patched');
    expect(await storedText(db)).not.toContain('Fresh from the feed');
    expect(await updateProjection(db, [], 6_002)).toBe('current');
  });

  it('shows on the page a client written after it (a sidebar refresh) as the stores have it now', async () => {
    const db = await open();
    await bookOf(db, ['a', 'b']);
    await writeContext(db, contextFor('b', 'Renamed since'), null, 9_000);
    const { book, source } = await pageRead(db);
    expect(source).toEqual({ from: 'projection', chunks: 1, patched: 1 });
    expect(book.needs.map((n) => n.title)).toContain('Renamed since');
    expect(book.needs.filter((n) => n.clientId === 'b')).toHaveLength(contextFor('b').needs.length);
  });

  it('keeps a confidential need redacted: its text is not in the cache, nor in the projection', async () => {
    const db = await open();
    const ctx = contextFor('a');
    await writeContext(db, { ...ctx, needs: [{ ...ctx.needs[0]!, title: '', redacted: true, confidential: true, askContact: { userId: 'u-bd', name: 'Priya Shah' } }] }, null, 1_000);
    await updateProjection(db, [], 1_001);
    const { book } = await pageRead(db);
    expect(book.needs[0]).toMatchObject({ title: null, redacted: true, askContact: 'Priya Shah' });
    expect(await db.get('pipeline', PROJECTION_HEAD_KEY)).toMatchObject({ counts: { needs: 1 } });
  });
});
