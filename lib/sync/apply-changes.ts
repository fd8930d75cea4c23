import { unwrap } from 'idb';
import type { Change } from '../contract/changes';
import { deleteClientEverywhere } from '../cache/context-cache';
import { clientRow, type LensDb, META_KEYS, type QuarantinedChange } from '../cache/lens-db';
import { dropFromProjection } from '../cache/projection-store';
import { quarantine } from '../cache/quarantine-store';

/**
 * Applies one page of the change feed, quarantines its changes that failed the contract, and moves
 * the cursor, in ONE transaction: after an interruption the sync resumes exactly where the last
 * committed page ended, and the cursor can never run ahead of the data it covers. Returns the
 * clients purged (revoked or deleted) so that open sidebars can be told.
 *
 * The bulk writes are issued as plain IndexedDB requests, none awaited: the transaction runs them in
 * order and `tx.done` settles once all have (a failed one aborts it, cursor included). A promise per
 * put (idb's wrapper) costs the worker's thread an allocation and a microtask per row on a
 * 75,000-row book, and the rows themselves are what the time goes on (see docs/BENCHMARKS.md).
 */
export async function applyChanges(db: LensDb, changes: Change[], nextCursor: string, now = Date.now(), invalid: readonly QuarantinedChange[] = []): Promise<Set<string>> {
  // Relaxed durability: a page lost to a crash is fetched again (the cursor commits with it).
  const tx = db.transaction(['clients', 'secondments', 'needs', 'flags', 'resolutions', 'meta', 'quarantine', 'pipeline'], 'readwrite', { durability: 'relaxed' });
  const raw = {
    clients: unwrap(tx.objectStore('clients')),
    secondments: unwrap(tx.objectStore('secondments')),
    needs: unwrap(tx.objectStore('needs')),
    flags: unwrap(tx.objectStore('flags')),
  };
  const purged = new Set<string>();
  // Viewing history survives an upsert. Only clients someone opened have one (a few hundred at
  // most, against a book of tens of thousands): read those, not every upserted row.
  const lastViewed = new Map<string, number>();
  for (const row of await tx.objectStore('clients').index('byLastViewed').getAll(IDBKeyRange.lowerBound(1))) lastViewed.set(row.id, row.lastViewedAt);
  for (const change of changes) {
    switch (change.type) {
      case 'client.upsert':
        // The endpoint's ETag of this client's context is stale once anything in it changed.
        raw.clients.put(clientRow(change.client, null, now, lastViewed.get(change.client.id) ?? 0));
        break;
      case 'client.delete':
      case 'access.revoke':
        // Rare, and it reads before it deletes. The requests issued before it run first (one
        // transaction runs its requests in order), and the loop waits here, so an upsert of the
        // same client later in this page is issued after the deletes. Its mapped PMS records go
        // too: a record must not keep pointing at a client this user may no longer see.
        await deleteClientEverywhere(tx, change.clientId);
        purged.add(change.clientId);
        break;
      case 'secondment.upsert':
        raw.secondments.put(change.secondment);
        break;
      case 'secondment.delete':
        raw.secondments.delete(change.secondmentId);
        break;
      case 'need.upsert':
        raw.needs.put(change.need);
        break;
      case 'need.delete':
        raw.needs.delete(change.needId);
        break;
      case 'flag.set':
        raw.flags.put(change.flag);
        break;
      case 'flag.clear':
        raw.flags.delete(change.clientId);
        break;
    }
  }
  await dropFromProjection(tx, purged); // with the rest of their data, in this transaction
  await quarantine(tx.objectStore('quarantine'), invalid);
  unwrap(tx.objectStore('meta')).put(nextCursor, META_KEYS.syncCursor);
  await tx.done;
  return purged;
}
