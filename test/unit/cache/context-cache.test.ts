import { describe, expect, it } from 'vitest';
import { purgeClient, readContext, writeContext } from '@/lib/cache/context-cache';
import { evictLeastRecentlyViewed } from '@/lib/cache/eviction';
import { openLensDb } from '@/lib/cache/lens-db';
import { readResolution, writeResolution } from '@/lib/cache/resolution-cache';
import type { ClientContext } from '@/lib/contract/client-context';
import { readyView } from '../components/fixtures';
import { bookIds, seedBook } from '../../support/book-fixtures';

const open = () => openLensDb(`lens-test-cc-${Math.random().toString(36).slice(2)}`);
const contextFor = (id: string, name = `Client ${id}`): ClientContext => {
  const base = readyView().context;
  return {
    ...base,
    client: { ...base.client, id, name },
    secondments: base.secondments.map((s) => ({ ...s, id: `${id}-${s.id}`, clientId: id })),
    needs: base.needs.map((x) => ({ ...x, id: `${id}-${x.id}`, clientId: id })),
    candidateFlag: base.candidateFlag && { ...base.candidateFlag, clientId: id },
  };
};

describe('the context cache', () => {
  it('replaces a client’s data with the endpoint’s answer: a secondment gone there is gone here', async () => {
    const db = await open();
    const first = contextFor('c1');
    await writeContext(db, first, '"a"', 100);
    const fewer = { ...first, secondments: first.secondments.slice(1), candidateFlag: null };
    await writeContext(db, fewer, '"b"', 200);
    const cached = await readContext(db, 'c1');
    expect(cached?.context.secondments.map((s) => s.id).sort()).toEqual(fewer.secondments.map((s) => s.id).sort());
    expect(cached?.context.secondments).toHaveLength(first.secondments.length - 1);
    expect(cached?.context.candidateFlag).toBeNull();
    expect(cached?.etag).toBe('"b"');
  });

  it('purges everything of a walled client, and the records mapped to it', async () => {
    const db = await open();
    await writeContext(db, contextFor('c1'), null);
    await writeContext(db, contextFor('c2'), null);
    const record = { system: 'clio' as const, kind: 'contact' as const, externalId: '1', tenant: 'app.clio.com' };
    await writeResolution(db, record, [{ id: 'c1', name: 'Client c1', industry: 'x' }]);
    await purgeClient(db, 'c1');
    expect(await readContext(db, 'c1')).toBeUndefined();
    expect((await bookIds(db)).mentioned).toEqual(['c2']);
    expect(await db.getAllFromIndex('book', 'byClient', 'c1')).toEqual([]);
    expect(await db.get('flags', 'c1')).toBeUndefined();
    expect(await db.get('views', 'c1')).toBeUndefined();
    expect(await readResolution(db, record)).toBeUndefined();
    expect(await readContext(db, 'c2')).toBeDefined();
  });

  it('evicts the least recently viewed clients beyond the cap, with their data', async () => {
    const db = await open();
    await writeContext(db, contextFor('old'), null, 1);
    await writeContext(db, contextFor('mid'), null, 2);
    await writeContext(db, contextFor('new'), null, 3);
    expect(await evictLeastRecentlyViewed(db, 2)).toBe(1);
    expect((await bookIds(db)).mentioned).toEqual(['mid', 'new']);
    expect(await db.getAllKeys('views')).toEqual(['mid', 'new']);
  });
});

describe('a client opened after a sync', () => {
  it('its own answer replaces the synced parts, so reading it is one row again', async () => {
    const db = await open();
    const synced = contextFor('c1');
    await seedBook(db, { clients: [synced.client, contextFor('c9').client] }, 10);
    await seedBook(db, { needs: synced.needs }, 20);
    expect(await db.countFromIndex('book', 'byClient', 'c1')).toBe(2);
    expect((await readContext(db, 'c1'))?.etag).toBeNull();
    await writeContext(db, { ...synced, needs: synced.needs.slice(1) }, '"e"', 30);
    expect(await db.countFromIndex('book', 'byClient', 'c1')).toBe(1);
    const cached = await readContext(db, 'c1');
    expect(cached?.context.needs.map((n) => n.id)).toEqual(synced.needs.slice(1).map((n) => n.id));
    expect(cached?.etag).toBe('"e"');
    expect((await readContext(db, 'c9'))?.context.client.id).toBe('c9'); // its chunk neighbour kept
  });

  it('forgets the endpoint’s validator once a sync wrote newer data for the client', async () => {
    const db = await open();
    const context = contextFor('c1');
    await writeContext(db, context, '"e"', 30);
    await seedBook(db, { needs: [{ ...context.needs[0]!, id: 'n-new' }] }, 40);
    const cached = await readContext(db, 'c1');
    expect(cached?.etag).toBeNull();
    expect(cached?.context.needs.map((n) => n.id)).toContain('n-new');
  });
});
