import { describe, expect, it } from 'vitest';
import { readContext, writeContext } from '@/lib/cache/context-cache';
import { META_KEYS, openLensDb } from '@/lib/cache/lens-db';
import { bookIds } from '../../support/book-fixtures';
import { applyChanges, PageOutOfTurn } from '@/lib/sync/apply-changes';
import { FLAG, NEEDS, readyView, SAM_ACTIVE } from '../components/fixtures';
import { countDirectoryReads } from '../../support/directory-reads';
import { countCachedClients } from '@/lib/cache/eviction';

const open = () => openLensDb(`lens-test-ac-${Math.random().toString(36).slice(2)}`);
const client = readyView().context.client;

describe('applying a page of the change feed', () => {
  it('shows a secondment that arrived before its client once the client arrives', async () => {
    const db = await open();
    await applyChanges(db, [{ type: 'secondment.upsert', secondment: SAM_ACTIVE }], '5');
    expect(await readContext(db, client.id)).toBeUndefined();
    await applyChanges(db, [{ type: 'client.upsert', client }], '9');
    expect((await readContext(db, client.id))?.context.secondments.map((s) => s.id)).toEqual([SAM_ACTIVE.id]);
    expect(await db.get('meta', META_KEYS.syncCursor)).toBe('9');
  });

  it('purges a revoked client with everything it had, and keeps an upsert that follows in the same page', async () => {
    const db = await open();
    await applyChanges(db, [
      { type: 'client.upsert', client }, { type: 'secondment.upsert', secondment: SAM_ACTIVE },
      { type: 'need.upsert', need: NEEDS[0]! }, { type: 'flag.set', flag: FLAG },
    ], '4');
    const { purged } = await applyChanges(db, [{ type: 'access.revoke', clientId: client.id }], '5');
    expect([...purged]).toEqual([client.id]);
    expect(await readContext(db, client.id)).toBeUndefined();
    expect(await bookIds(db)).toEqual({ clients: [], secondments: [], needs: [], mentioned: [] });
    expect(await db.count('book')).toBe(0);
    expect(await db.get('flags', client.id)).toBeUndefined();

    await applyChanges(db, [{ type: 'access.revoke', clientId: client.id }, { type: 'client.upsert', client }], '7');
    expect((await readContext(db, client.id))?.context.client.name).toBe(client.name);
  });

  it('writes nothing of a page that follows another cursor than the stored one, and says so', async () => {
    const db = await open();
    await applyChanges(db, [{ type: 'client.upsert', client }], '4', 1, [], { after: '0' });
    const late = applyChanges(db, [{ type: 'need.upsert', need: NEEDS[0]! }, { type: 'flag.set', flag: FLAG }], '9', 2, [], { after: '6' });
    await expect(late).rejects.toBeInstanceOf(PageOutOfTurn);
    await expect(late).rejects.toThrow('it follows cursor 6, the cache is at 4');
    expect(await db.get('meta', META_KEYS.syncCursor)).toBe('4');
    expect((await bookIds(db)).needs).toEqual([]);
    expect(await db.get('flags', client.id)).toBeUndefined();
    // In turn, it applies.
    await applyChanges(db, [{ type: 'need.upsert', need: NEEDS[0]! }, { type: 'flag.set', flag: FLAG }], '9', 2, [], { after: '4' });
    expect(await db.get('meta', META_KEYS.syncCursor)).toBe('9');
    expect((await bookIds(db)).needs).toEqual([NEEDS[0]!.id]);
    expect(await db.get('flags', client.id)).toEqual(FLAG);
  });

  it('keeps when a client was last viewed across an upsert (for eviction)', async () => {
    const db = await open();
    await writeContext(db, { ...readyView().context, client }, '"x"', 42);
    await applyChanges(db, [{ type: 'client.upsert', client: { ...client, name: 'Renamed plc' } }], '2', 100);
    expect(await readContext(db, client.id)).toMatchObject({ lastViewedAt: 42, etag: null, fetchedAt: 100, context: { client: { name: 'Renamed plc' } } });
  });

  it('nets a page’s changes per client in feed order: a delete after an upsert wins, and an upsert after a delete', async () => {
    const db = await open();
    const [a, b] = [NEEDS[0]!, { ...NEEDS[0]!, id: 'n-second' }];
    await applyChanges(db, [{ type: 'client.upsert', client }, { type: 'need.upsert', need: a }], '1');
    await applyChanges(db, [
      { type: 'need.delete', clientId: client.id, needId: a.id }, { type: 'need.upsert', need: { ...a, title: 'Back again' } },
      { type: 'need.upsert', need: b }, { type: 'need.delete', clientId: client.id, needId: b.id },
    ], '2');
    expect((await readContext(db, client.id))?.context.needs.map((n) => [n.id, n.title])).toEqual([[a.id, 'Back again']]);
  });

  it('leaves the directory of every client unread by a page that only changes clients the book holds', async () => {
    const db = await open();
    const other = { ...client, id: 'c-other', name: 'Other plc' };
    await applyChanges(db, [{ type: 'client.upsert', client }, { type: 'secondment.upsert', secondment: SAM_ACTIVE }], '1');
    const edit = () => applyChanges(db, [{ type: 'client.upsert', client: { ...client, name: 'Renamed plc' } }, { type: 'need.upsert', need: NEEDS[0]! }], '2');
    expect(await countDirectoryReads(edit)).toBe(0);
    expect((await readContext(db, client.id))?.context.client.name).toBe('Renamed plc');
    // A client new to the book still joins it, in the page that brings its record.
    await applyChanges(db, [{ type: 'need.upsert', need: { ...NEEDS[0]!, id: 'n-early', clientId: other.id } }], '3');
    await applyChanges(db, [{ type: 'client.upsert', client: other }, { type: 'client.upsert', client }], '4');
    expect(await countCachedClients(db)).toBe(2);
    // And one revoked and given back within one page.
    await applyChanges(db, [{ type: 'access.revoke', clientId: other.id }, { type: 'client.upsert', client: other }], '5');
    expect(await countCachedClients(db)).toBe(2);
  });

  it('packs a page into chunks of many entities, not a row each, and reports every client touched', async () => {
    const db = await open();
    const clients = Array.from({ length: 300 }, (_, i) => ({ ...client, id: `c-${i}`, name: `Client ${i}` }));
    const { touched } = await applyChanges(db, [
      ...clients.map((c) => ({ type: 'client.upsert' as const, client: c })),
      ...clients.map((c) => ({ type: 'need.upsert' as const, need: { ...NEEDS[0]!, id: `n-${c.id}`, clientId: c.id } })),
    ], '3');
    expect(touched.size).toBe(300);
    expect(await db.count('book')).toBeLessThanOrEqual(Math.ceil(600 / 40));
    expect((await bookIds(db)).needs).toHaveLength(300);
    expect((await readContext(db, 'c-299'))?.context.needs.map((n) => n.id)).toEqual(['n-c-299']);
  });
});
