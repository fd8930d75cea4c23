import { describe, expect, it, vi } from 'vitest';
import { purgeClient, touchContext, writeContext } from '@/lib/cache/context-cache';
import { enqueueWrite } from '@/lib/cache/outbox-store';
import { readFirstLook } from '@/lib/cache/first-look';
import { type LensDb, META_KEYS, openLensDb } from '@/lib/cache/lens-db';
import { chooseClient, writeResolution } from '@/lib/cache/resolution-cache';
import type { ExternalRecord } from '@/lib/contract/pms';
import { readyView } from '../components/fixtures';

const open = () => openLensDb(`lens-test-fl-${Math.random().toString(36).slice(2)}`);
const RECORD: ExternalRecord = { system: 'clio', kind: 'contact', externalId: '1003', tenant: 'app.clio.com' };
const contextFor = (id: string) => ({ ...readyView().context, client: { ...readyView().context.client, id, name: `Client ${id}` }, secondments: [], needs: [], candidateFlag: null });
const summary = (id: string) => ({ id, name: `Client ${id}`, industry: 'x' });

describe('the first look of a record', () => {
  it('shows the client the mapping settles on now, not the one it settled on the last time (the guess only decides what is read)', async () => {
    const db = await open();
    await writeContext(db, contextFor('c-a'), null, 1);
    await writeContext(db, contextFor('c-b'), null, 1);
    await writeResolution(db, RECORD, [summary('c-a')], 2);
    expect((await readFirstLook(db, RECORD)).cached?.clientId).toBe('c-a');
    await writeResolution(db, RECORD, [summary('c-b')], 3); // the endpoint now maps it elsewhere
    expect((await readFirstLook(db, RECORD)).cached?.clientId).toBe('c-b');
    await writeResolution(db, RECORD, [summary('c-a'), summary('c-b')], 4); // ambiguous: nothing settled
    const look = await readFirstLook(db, RECORD);
    expect(look.cached).toBeUndefined();
    expect(look.resolution?.matches).toHaveLength(2);
    await chooseClient(db, RECORD, summary('c-a'), 5);
    expect((await readFirstLook(db, RECORD)).cached?.clientId).toBe('c-a');
  });

  it('shows nothing of a client purged since the record was last seen', async () => {
    const db = await open();
    await writeContext(db, contextFor('c-a'), null, 1);
    await writeResolution(db, RECORD, [summary('c-a')], 2);
    expect((await readFirstLook(db, RECORD)).cached).toBeDefined();
    await purgeClient(db, 'c-a');
    expect(await readFirstLook(db, RECORD)).toMatchObject({ resolution: undefined, cached: undefined, outbox: [] });
  });

  describe('kept in memory', () => {
    const OTHER: ExternalRecord = { ...RECORD, externalId: '1004' };

    /** Two records mapped to two cached clients, each looked at once; counts the transactions opened after. */
    async function twoRecordsSeen() {
      const db = await open();
      await writeContext(db, contextFor('c-a'), null, 1);
      await writeContext(db, contextFor('c-b'), null, 1);
      await writeResolution(db, RECORD, [summary('c-a')], 2);
      await writeResolution(db, OTHER, [summary('c-b')], 2);
      await readFirstLook(db, RECORD);
      await readFirstLook(db, OTHER);
      return { db, reads: countReads(db) };
    }

    /** Read transactions the cache opens from now on (a kept look opens none). */
    function countReads(db: LensDb) {
      const opened = vi.spyOn(db, 'transaction');
      return () => opened.mock.calls.filter(([, mode]) => mode !== 'readwrite').length;
    }

    it('answers a record seen before without reading IndexedDB while nothing was written', async () => {
      const { db, reads } = await twoRecordsSeen();
      expect((await readFirstLook(db, RECORD)).cached?.clientId).toBe('c-a');
      expect((await readFirstLook(db, OTHER)).cached?.clientId).toBe('c-b');
      expect(reads()).toBe(0);
    });

    it('stays kept when another client is confirmed (a 304 of the other record), and is read again when its own is', async () => {
      const { db, reads } = await twoRecordsSeen();
      await touchContext(db, 'c-b', 50);
      expect((await readFirstLook(db, RECORD)).cached?.fetchedAt).toBe(1);
      expect(reads()).toBe(0);
      await touchContext(db, 'c-a', 60);
      expect((await readFirstLook(db, RECORD)).cached?.fetchedAt).toBe(60);
      expect(reads()).toBe(1);
    });

    it('is read again after any other write: a purge, a queued write, a new mapping, a setting of the cache', async () => {
      const { db } = await twoRecordsSeen();
      await purgeClient(db, 'c-a');
      expect((await readFirstLook(db, RECORD)).cached).toBeUndefined();

      await enqueueWrite(db, 'c-b', { kind: 'need', need: { title: 'Queued', practiceArea: 'Employment', detail: '', confidential: false, sourceSecondmentId: null } }, 70);
      expect((await readFirstLook(db, OTHER)).outbox).toHaveLength(1);

      await writeResolution(db, OTHER, [summary('c-a')], 80); // mapped to a client no longer cached
      expect((await readFirstLook(db, OTHER)).cached).toBeUndefined();

      await writeContext(db, contextFor('c-a'), null, 90);
      await writeResolution(db, RECORD, [summary('c-a')], 91);
      await readFirstLook(db, RECORD);
      await db.put('meta', { list: ['Tax'], at: 95 }, META_KEYS.practiceAreas);
      expect((await readFirstLook(db, RECORD)).practiceAreas).toEqual(['Tax']);
    });

    it('is not kept when a write was opened while it was being read', async () => {
      const db = await open();
      await writeContext(db, contextFor('c-a'), null, 1);
      await writeResolution(db, RECORD, [summary('c-a')], 2);
      const reading = readFirstLook(db, RECORD);
      const touching = touchContext(db, 'c-a', 40); // opened after the read: not in what it returns
      expect((await reading).cached?.fetchedAt).toBe(1);
      await touching;
      expect((await readFirstLook(db, RECORD)).cached?.fetchedAt).toBe(40);
    });
  });
});
