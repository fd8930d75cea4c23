import type { Change } from '../contract/changes';
import { deleteClientEverywhere } from '../cache/context-cache';
import { clientRow, type LensDb, META_KEYS, type QuarantinedChange } from '../cache/lens-db';
import { dropFromProjection } from '../cache/projection-store';
import { quarantine } from '../cache/quarantine-store';

/**
 * Applies one page of the change feed, quarantines its changes that failed the contract, and moves
 * the cursor, in ONE transaction: after an interruption the sync resumes exactly where the last
 * committed page ended. Returns the clients purged (revoked or deleted) so that open sidebars can
 * be told.
 *
 * Requests are issued without awaiting each one (IndexedDB runs them in order within the
 * transaction); awaiting every put would cost an event-loop turn per row on a 75,000-row book.
 */
export async function applyChanges(db: LensDb, changes: Change[], nextCursor: string, now = Date.now(), invalid: readonly QuarantinedChange[] = []): Promise<Set<string>> {
  // Relaxed durability: a page lost to a crash is fetched again (the cursor commits with it).
  const tx = db.transaction(['clients', 'secondments', 'needs', 'flags', 'resolutions', 'meta', 'quarantine', 'pipeline'], 'readwrite', { durability: 'relaxed' });
  const clients = tx.objectStore('clients');
  const pending: Promise<unknown>[] = [];
  const purged = new Set<string>();
  // Viewing history survives an upsert. Only clients someone opened have one (a few hundred at
  // most, against a book of tens of thousands): read those, not every upserted row.
  const lastViewed = new Map<string, number>();
  for (const row of await clients.index('byLastViewed').getAll(IDBKeyRange.lowerBound(1))) lastViewed.set(row.id, row.lastViewedAt);
  for (const change of changes) {
    switch (change.type) {
      case 'client.upsert':
        // The endpoint's ETag of this client's context is stale once anything in it changed.
        pending.push(clients.put(clientRow(change.client, null, now, lastViewed.get(change.client.id) ?? 0)));
        break;
      case 'client.delete':
      case 'access.revoke':
        // Rare, and it reads before it deletes: settle everything before it, so that a later
        // upsert of the same client in this page is not deleted by it.
        await Promise.all(pending.splice(0));
        // Its mapped PMS records go too: a record must not keep pointing at a client this user may
        // no longer see.
        await deleteClientEverywhere(tx, change.clientId);
        purged.add(change.clientId);
        break;
      case 'secondment.upsert':
        pending.push(tx.objectStore('secondments').put(change.secondment));
        break;
      case 'secondment.delete':
        pending.push(tx.objectStore('secondments').delete(change.secondmentId));
        break;
      case 'need.upsert':
        pending.push(tx.objectStore('needs').put(change.need));
        break;
      case 'need.delete':
        pending.push(tx.objectStore('needs').delete(change.needId));
        break;
      case 'flag.set':
        pending.push(tx.objectStore('flags').put(change.flag));
        break;
      case 'flag.clear':
        pending.push(tx.objectStore('flags').delete(change.clientId));
        break;
    }
  }
  await Promise.all(pending);
  await dropFromProjection(tx, purged); // with the rest of their data, in this transaction
  await quarantine(tx.objectStore('quarantine'), invalid);
  await tx.objectStore('meta').put(nextCursor, META_KEYS.syncCursor);
  await tx.done;
  return purged;
}
