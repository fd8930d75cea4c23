import { describe, expect, it } from 'vitest';
import { openLensDb } from '@/lib/cache/lens-db';
import { chooseClient, readResolution, refKey, writeResolution } from '@/lib/cache/resolution-cache';
import type { Client } from '@/lib/contract/client';
import type { ExternalRecord } from '@/lib/contract/pms';
import { seedBook } from '../../support/book-fixtures';

const open = () => openLensDb(`lens-test-rc-${Math.random().toString(36).slice(2)}`);
const CONTACT: ExternalRecord = { system: 'clio', kind: 'contact', externalId: '1003', tenant: 'app.clio.com' };
const client = (id: string, name: string, externalIds: ExternalRecord[]): Client => ({ id, name, industry: 'x', externalIds });

describe('resolving a PMS record from the cache', () => {
  it('finds the synced clients that list the record when the endpoint was never asked', async () => {
    const db = await open();
    await seedBook(db, { clients: [client('c-b', 'Beta Ltd', [CONTACT])] });
    await seedBook(db, { clients: [client('c-a', 'Alpha plc', [{ ...CONTACT, tenant: null }])] });
    await seedBook(db, { clients: [client('c-z', 'Other', [{ ...CONTACT, externalId: '9' }])] });
    await seedBook(db, { clients: [client('c-t', 'Other tenant', [{ ...CONTACT, tenant: 'eu.app.clio.com' }])] });
    const found = await readResolution(db, CONTACT);
    expect(found).toMatchObject({ resolvedAt: 0, chosenClientId: null });
    expect(found?.matches.map((m) => m.id)).toEqual(['c-a', 'c-b']); // ordered by name, as the endpoint orders
  });

  it('checks a synced client on its current record: a later sync that moved the mapping wins', async () => {
    const db = await open();
    await seedBook(db, { clients: [client('c-a', 'Alpha plc', [CONTACT])] }, 1);
    await seedBook(db, { clients: [client('c-a', 'Alpha plc', [{ ...CONTACT, externalId: '2000' }])] }, 2);
    expect(await readResolution(db, CONTACT)).toBeUndefined();
    expect((await readResolution(db, { ...CONTACT, externalId: '2000' }))?.matches.map((m) => m.id)).toEqual(['c-a']);
  });

  it('prefers the endpoint’s cached answer over the synced book', async () => {
    const db = await open();
    await seedBook(db, { clients: [client('c-b', 'Beta Ltd', [CONTACT])] });
    await writeResolution(db, CONTACT, [{ id: 'c-m', name: 'Meridian', industry: 'x' }], 50);
    expect((await readResolution(db, CONTACT))?.matches.map((m) => m.id)).toEqual(['c-m']);
  });

  it('keeps a pick among synced matches unconfirmed, so the endpoint is asked when online', async () => {
    const db = await open();
    await seedBook(db, { clients: [client('c-a', 'Alpha plc', [CONTACT])] });
    await seedBook(db, { clients: [client('c-b', 'Beta Ltd', [CONTACT])] });
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
