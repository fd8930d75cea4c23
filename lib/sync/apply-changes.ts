import type { Change } from '../contract/changes';
import { deleteClientData } from '../cache/context-cache';
import { type LensDb, META_KEYS } from '../cache/lens-db';

/**
 * Applies one page of the change feed and moves the cursor, in ONE transaction: after an
 * interruption the sync resumes exactly where the last committed page ended. Returns the clients
 * purged (revoked or deleted) so that open sidebars can be told.
 *
 * Requests are issued without awaiting each one (IndexedDB runs them in order within the
 * transaction); awaiting every put would cost an event-loop turn per row on a 75,000-row book.
 */
export async function applyChanges(db: LensDb, changes: Change[], nextCursor: string, now = Date.now()): Promise<Set<string>> {
  const tx = db.transaction(['clients', 'secondments', 'needs', 'flags', 'resolutions', 'meta'], 'readwrite');
  const clients = tx.objectStore('clients');
  const pending: Promise<unknown>[] = [];
  const purged = new Set<string>();
  // Viewing history survives an upsert; read it for the page's clients in one pass.
  const upserted = changes.flatMap((c) => (c.type === 'client.upsert' ? [c.client.id] : []));
  const lastViewed = new Map<string, number>();
  await Promise.all(upserted.map(async (id) => {
    const row = await clients.get(id);
    if (row) lastViewed.set(id, row.lastViewedAt);
  }));
  for (const change of changes) {
    switch (change.type) {
      case 'client.upsert':
        // The endpoint's ETag of this client's context is stale once anything in it changed.
        pending.push(clients.put({ id: change.client.id, client: change.client, etag: null, fetchedAt: now, lastViewedAt: lastViewed.get(change.client.id) ?? 0 }));
        break;
      case 'client.delete':
      case 'access.revoke':
        // Rare, and it reads before it deletes: settle everything before it, so that a later
        // upsert of the same client in this page is not deleted by it.
        await Promise.all(pending.splice(0));
        await deleteClientData(tx, change.clientId, { keepClientRow: false });
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
  if (purged.size > 0) {
    // A PMS record must not keep pointing at a client this user may no longer see.
    let cursor = await tx.objectStore('resolutions').openCursor();
    while (cursor) {
      if (cursor.value.matches.some((m) => purged.has(m.id))) await cursor.delete();
      cursor = await cursor.continue();
    }
  }
  await tx.objectStore('meta').put(nextCursor, META_KEYS.syncCursor);
  await tx.done;
  return purged;
}
