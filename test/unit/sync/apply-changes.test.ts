import { describe, expect, it } from 'vitest';
import { readContext } from '@/lib/cache/context-cache';
import { clientRow, META_KEYS, openLensDb } from '@/lib/cache/lens-db';
import { applyChanges } from '@/lib/sync/apply-changes';
import { FLAG, NEEDS, readyView, SAM_ACTIVE } from '../components/fixtures';

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
    const purged = await applyChanges(db, [{ type: 'access.revoke', clientId: client.id }], '5');
    expect([...purged]).toEqual([client.id]);
    expect(await readContext(db, client.id)).toBeUndefined();
    expect(await db.count('needs')).toBe(0);

    await applyChanges(db, [{ type: 'access.revoke', clientId: client.id }, { type: 'client.upsert', client }], '7');
    expect((await readContext(db, client.id))?.context.client.name).toBe(client.name);
  });

  it('keeps when a client was last viewed across an upsert (for eviction)', async () => {
    const db = await open();
    await db.put('clients', clientRow(client, '"x"', 1, 42));
    await applyChanges(db, [{ type: 'client.upsert', client: { ...client, name: 'Renamed plc' } }], '2', 100);
    const row = await db.get('clients', client.id);
    expect(row).toMatchObject({ lastViewedAt: 42, etag: null, fetchedAt: 100, client: { name: 'Renamed plc' } });
  });
});
