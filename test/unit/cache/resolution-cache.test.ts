import { describe, expect, it } from 'vitest';
import { clientRow, openLensDb } from '@/lib/cache/lens-db';
import { chooseClient, readResolution, refKey, writeResolution } from '@/lib/cache/resolution-cache';
import type { Client } from '@/lib/contract/client';
import type { ExternalRecord } from '@/lib/contract/pms';

const open = () => openLensDb(`lens-test-rc-${Math.random().toString(36).slice(2)}`);
const CONTACT: ExternalRecord = { system: 'clio', kind: 'contact', externalId: '1003', tenant: 'app.clio.com' };
const client = (id: string, name: string, externalIds: ExternalRecord[]): Client => ({ id, name, industry: 'x', externalIds });

describe('resolving a PMS record from the cache', () => {
  it('finds the synced clients that list the record when the endpoint was never asked', async () => {
    const db = await open();
    await db.put('clients', clientRow(client('c-b', 'Beta Ltd', [CONTACT]), null, 1, 0));
    await db.put('clients', clientRow(client('c-a', 'Alpha plc', [{ ...CONTACT, tenant: null }]), null, 1, 0));
    await db.put('clients', clientRow(client('c-z', 'Other', [{ ...CONTACT, externalId: '9' }]), null, 1, 0));
    await db.put('clients', clientRow(client('c-t', 'Other tenant', [{ ...CONTACT, tenant: 'eu.app.clio.com' }]), null, 1, 0));
    const found = await readResolution(db, CONTACT);
    expect(found).toMatchObject({ resolvedAt: 0, chosenClientId: null });
    expect(found?.matches.map((m) => m.id)).toEqual(['c-a', 'c-b']); // ordered by name, as the endpoint orders
  });

  it('prefers the endpoint’s cached answer over the synced book', async () => {
    const db = await open();
    await db.put('clients', clientRow(client('c-b', 'Beta Ltd', [CONTACT]), null, 1, 0));
    await writeResolution(db, CONTACT, [{ id: 'c-m', name: 'Meridian', industry: 'x' }], 50);
    expect((await readResolution(db, CONTACT))?.matches.map((m) => m.id)).toEqual(['c-m']);
  });

  it('keeps a pick among synced matches unconfirmed, so the endpoint is asked when online', async () => {
    const db = await open();
    await db.put('clients', clientRow(client('c-a', 'Alpha plc', [CONTACT]), null, 1, 0));
    await db.put('clients', clientRow(client('c-b', 'Beta Ltd', [CONTACT]), null, 1, 0));
    await chooseClient(db, CONTACT, { id: 'c-b', name: 'Beta Ltd', industry: 'x' }, 99);
    const row = await db.get('resolutions', refKey(CONTACT));
    expect(row).toMatchObject({ chosenClientId: 'c-b', resolvedAt: 0, clientIds: ['c-a', 'c-b'] });
  });

  it('keeps the store bounded, dropping the least recently resolved', async () => {
    const db = await open();
    for (let i = 0; i < 5; i++) await writeResolution(db, { ...CONTACT, externalId: String(i) }, [], 100 + i, 3);
    expect(await db.count('resolutions')).toBe(3);
    expect(await readResolution(db, { ...CONTACT, externalId: '0' })).toBeUndefined();
    expect(await readResolution(db, { ...CONTACT, externalId: '4' })).toBeDefined();
  });
});
