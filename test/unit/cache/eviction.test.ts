import { describe, expect, it } from 'vitest';
import { readContext, writeContext } from '@/lib/cache/context-cache';
import { countCachedClients, deleteExpired, evictLeastRecentlyViewed, tidyAfterSync } from '@/lib/cache/eviction';
import { META_KEYS, openLensDb } from '@/lib/cache/lens-db';
import { readResolution, writeResolution } from '@/lib/cache/resolution-cache';
import type { ClientContext } from '@/lib/contract/client-context';
import { FLAG, NEEDS, readyView, SAM_ACTIVE } from '../components/fixtures';
import { bookIds, seedBook } from '../../support/book-fixtures';
import { countDirectoryReads } from '../../support/directory-reads';

const open = () => openLensDb(`lens-test-ev-${Math.random().toString(36).slice(2)}`);
const HOUR = 3_600_000;
const contextFor = (id: string): ClientContext => {
  const base = readyView().context;
  return {
    ...base,
    client: { ...base.client, id, name: `Client ${id}` },
    secondments: base.secondments.map((s) => ({ ...s, id: `${id}-${s.id}`, clientId: id })),
    needs: base.needs.map((x) => ({ ...x, id: `${id}-${x.id}`, clientId: id })),
    candidateFlag: base.candidateFlag && { ...base.candidateFlag, clientId: id },
  };
};
const recordOf = (id: string) => ({ system: 'clio' as const, kind: 'contact' as const, externalId: id, tenant: null });

describe('keeping every store bounded, evicted together', () => {
  it('evicts a client with its secondments, needs, flag and mapped records', async () => {
    const db = await open();
    await writeContext(db, contextFor('old'), null, 1);
    await writeContext(db, contextFor('new'), null, 2);
    await writeResolution(db, recordOf('old'), [{ id: 'old', name: 'Old', industry: 'x' }]);
    await writeResolution(db, recordOf('new'), [{ id: 'new', name: 'New', industry: 'x' }]);
    expect(await evictLeastRecentlyViewed(db, 1)).toBe(1);
    expect(await bookIds(db)).toMatchObject({ clients: ['new'], mentioned: ['new'] });
    expect(await db.get('flags', 'old')).toBeUndefined();
    expect(await db.get('views', 'old')).toBeUndefined();
    expect(await db.get('resolutions', 'clio|contact||old')).toBeUndefined();
    expect(await readResolution(db, recordOf('new'))).toBeDefined();
  });

  it('deletes the children of clients that are not cached, and keeps the others', async () => {
    const db = await open();
    await writeContext(db, contextFor('kept'), null, 1);
    await seedBook(db, { secondments: [{ ...SAM_ACTIVE, id: 's-orphan', clientId: 'gone' }], needs: [{ ...NEEDS[0]!, id: 'n-orphan', clientId: 'gone' }] });
    await db.put('flags', { ...FLAG, clientId: 'gone' });
    expect(await tidyAfterSync(db, ['gone', 'kept'])).toBe(1);
    expect((await bookIds(db)).mentioned).toEqual(['kept']);
    expect(await db.get('flags', 'gone')).toBeUndefined();
    expect((await readContext(db, 'kept'))?.context.needs.length).toBeGreaterThan(0);
  });
});

describe('the firm’s maximum age', () => {
  it('deletes clients past it once the last book sync is past it too, and restarts the feed', async () => {
    const db = await open();
    const now = 1_000 * HOUR;
    await writeContext(db, contextFor('stale'), null, now - 25 * HOUR);
    await writeContext(db, contextFor('fresh'), null, now - 1 * HOUR);
    await writeResolution(db, recordOf('stale'), [{ id: 'stale', name: 'S', industry: 'x' }]);
    await db.put('meta', now - 30 * HOUR, META_KEYS.syncConfirmedAt);
    await db.put('meta', '777', META_KEYS.syncCursor);
    expect(await deleteExpired(db, 24 * HOUR, now)).toEqual(['stale']);
    expect((await bookIds(db)).mentioned).toEqual(['fresh']);
    expect(await readResolution(db, recordOf('stale'))).toBeUndefined();
    expect(await db.get('meta', META_KEYS.syncCursor)).toBeUndefined();
  });

  it('deletes nothing while a recent book sync confirms every client', async () => {
    const db = await open();
    const now = 1_000 * HOUR;
    await writeContext(db, contextFor('old-row'), null, now - 40 * HOUR);
    await db.put('meta', now - 2 * HOUR, META_KEYS.syncConfirmedAt);
    expect(await deleteExpired(db, 24 * HOUR, now)).toEqual([]);
    expect((await bookIds(db)).clients).toEqual(['old-row']);
  });
});

describe('after a sync', () => {
  it('compacts a client that sync deltas spread over many chunks, keeping its data as folded', async () => {
    const db = await open();
    const context = contextFor('c1');
    await seedBook(db, { clients: [context.client] }, 1);
    for (let i = 0; i < 8; i++) await seedBook(db, { needs: [{ ...NEEDS[0]!, id: `n-${i}`, clientId: 'c1', title: `Need ${i}` }] }, 2 + i);
    const before = await readContext(db, 'c1');
    expect(await db.countFromIndex('book', 'byClient', 'c1')).toBe(9);
    await tidyAfterSync(db, ['c1'], 0);
    expect(await db.countFromIndex('book', 'byClient', 'c1')).toBe(1);
    const after = await readContext(db, 'c1');
    expect(after?.context.needs.map((n) => n.id).sort()).toEqual(before?.context.needs.map((n) => n.id).sort());
    expect(after?.context.client).toEqual(before?.context.client);
  });

  it('counts the clients from the size kept with the directory, and from the list in a partition written before it was kept', async () => {
    const db = await open();
    await seedBook(db, { clients: ['c1', 'c2', 'c3'].map((id) => contextFor(id).client) });
    await evictLeastRecentlyViewed(db, 2);
    let count = 0;
    expect(await countDirectoryReads(async () => (count = await countCachedClients(db)))).toBe(0);
    expect(count).toBe(2);
    await db.delete('meta', META_KEYS.bookDirectorySize); // as the v5 upgrade left it
    expect(await countCachedClients(db)).toBe(2);
  });

  it('finds the orphans among a delta’s few clients from their own chunks, not the directory of every client', async () => {
    const db = await open();
    await seedBook(db, { clients: [contextFor('c1').client], needs: [{ ...NEEDS[0]!, id: 'n-1', clientId: 'c1' }] });
    await seedBook(db, { needs: [{ ...NEEDS[0]!, id: 'n-orphan', clientId: 'c-gone' }] }, 2);
    let orphans = 0;
    expect(await countDirectoryReads(async () => (orphans = await tidyAfterSync(db, ['c1', 'c-gone'])))).toBe(0);
    expect(orphans).toBe(1);
    expect(await bookIds(db)).toMatchObject({ clients: ['c1'], needs: ['n-1'], mentioned: ['c1'] });
  });

  it('repacks the whole book after a run from the feed’s start stored its clients a second time, and not after a fresh one', async () => {
    const db = await open();
    const clients = Array.from({ length: 2_100 }, (_, i) => ({ ...contextFor(`c${i}`).client }));
    const ids = clients.map((c) => c.id);
    await seedBook(db, { clients }, 1);
    const fresh = await db.count('book');
    await tidyAfterSync(db, ids, fresh);
    expect(await db.count('book')).toBe(fresh); // what the run wrote is the whole book: left alone
    await seedBook(db, { clients: clients.map((c) => ({ ...c, name: `${c.name} (again)` })) }, 3);
    expect(await db.count('book')).toBe(2 * fresh);
    await tidyAfterSync(db, ids, fresh);
    expect(await db.count('book')).toBe(fresh);
    expect((await readContext(db, 'c2099'))?.context.client.name).toBe('Client c2099 (again)');
    expect((await bookIds(db)).clients).toHaveLength(2_100);
  });
});

describe('the firm’s maximum age, counted by a client’s record', () => {
  it('deletes a client whose record is past it even when a need of it came later, and compaction does not make it young', async () => {
    const db = await open();
    const now = 1_000 * HOUR;
    const old = contextFor('old');
    await seedBook(db, { clients: [old.client] }, now - 30 * HOUR);
    await seedBook(db, { needs: [{ ...NEEDS[0]!, id: 'n-late', clientId: 'old' }] }, now - 1 * HOUR);
    for (let i = 0; i < 8; i++) await seedBook(db, { needs: [{ ...NEEDS[0]!, id: `n-${i}`, clientId: 'old' }] }, now - 1 * HOUR);
    await tidyAfterSync(db, ['old'], 0); // compacted into one chunk
    expect(await db.countFromIndex('book', 'byClient', 'old')).toBe(1);
    expect(new Date((await readContext(db, 'old'))!.context.asOf).getTime()).toBe(now - 30 * HOUR);
    await db.put('meta', now - 30 * HOUR, META_KEYS.syncConfirmedAt);
    expect(await deleteExpired(db, 24 * HOUR, now)).toEqual(['old']);
    expect((await bookIds(db)).mentioned).toEqual([]);
  });
});
