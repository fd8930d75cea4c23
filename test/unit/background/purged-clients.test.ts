import { describe, expect, it } from 'vitest';
import { PurgedClients } from '@/lib/background/purged-clients';

// A purge outranks anything a view started before it learned; a view started after may show again.

describe('purged clients', () => {
  it('marks what a view learned before the purge as stale', () => {
    const purged = new PurgedClients();
    const viewStarted = purged.mark();
    purged.add('c-northwind');
    expect(purged.purgedSince('c-northwind', viewStarted)).toBe(true);
    expect(purged.purgedSince('c-contoso', viewStarted)).toBe(false);
  });

  it('lets a view that started after the purge show the client (the endpoint answered since)', () => {
    const purged = new PurgedClients();
    purged.add('c-northwind');
    expect(purged.purgedSince('c-northwind', purged.mark())).toBe(false);
  });

  it('forgets the oldest purge beyond its bound, and keeps the newest', () => {
    const purged = new PurgedClients();
    const start = purged.mark();
    for (let i = 0; i <= 10_000; i++) purged.add(`c-${i}`);
    expect(purged.purgedSince('c-0', start)).toBe(false);
    expect(purged.purgedSince('c-10000', start)).toBe(true);
  });
});
