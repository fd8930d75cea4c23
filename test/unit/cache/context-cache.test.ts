import { describe, expect, it } from 'vitest';
import { purgeClient, readContext, writeContext } from '@/lib/cache/context-cache';
import { evictLeastRecentlyViewed } from '@/lib/cache/eviction';
import { openLensDb } from '@/lib/cache/lens-db';
import { readResolution, writeResolution } from '@/lib/cache/resolution-cache';
import type { ClientContext } from '@/lib/contract/client-context';
import { readyView } from '../components/fixtures';

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
    expect(await db.getAllFromIndex('secondments', 'byClient', 'c1')).toEqual([]);
    expect(await db.getAllFromIndex('needs', 'byClient', 'c1')).toEqual([]);
    expect(await db.get('flags', 'c1')).toBeUndefined();
    expect(await readResolution(db, record)).toBeUndefined();
    expect(await readContext(db, 'c2')).toBeDefined();
  });

  it('evicts the least recently viewed clients beyond the cap, with their data', async () => {
    const db = await open();
    await writeContext(db, contextFor('old'), null, 1);
    await writeContext(db, contextFor('mid'), null, 2);
    await writeContext(db, contextFor('new'), null, 3);
    expect(await evictLeastRecentlyViewed(db, 2)).toBe(1);
    expect(await db.getAllKeys('clients')).toEqual(['mid', 'new']);
    expect(await db.getAllFromIndex('needs', 'byClient', 'old')).toEqual([]);
  });
});
