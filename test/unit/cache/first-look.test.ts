import { describe, expect, it } from 'vitest';
import { purgeClient, writeContext } from '@/lib/cache/context-cache';
import { readFirstLook } from '@/lib/cache/first-look';
import { openLensDb } from '@/lib/cache/lens-db';
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
});
