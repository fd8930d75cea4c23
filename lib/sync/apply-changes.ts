import type { Change } from '../contract/changes';
import { deleteClientData } from '../cache/context-cache';
import { type LensDb, META_KEYS } from '../cache/lens-db';

/**
 * Applies one page of the change feed and moves the cursor, in ONE transaction: after an
 * interruption the sync resumes exactly where the last committed page ended. Returns the clients
 * purged (revoked or deleted) so that open sidebars can be told.
 */
export async function applyChanges(db: LensDb, changes: Change[], nextCursor: string, now = Date.now()): Promise<Set<string>> {
  const tx = db.transaction(['clients', 'secondments', 'needs', 'flags', 'resolutions', 'meta'], 'readwrite');
  const clients = tx.objectStore('clients');
  const purged = new Set<string>();
  for (const change of changes) {
    switch (change.type) {
      case 'client.upsert': {
        const existing = await clients.get(change.client.id);
        // The endpoint's ETag of this client's context is stale once anything in it changed.
        await clients.put({ id: change.client.id, client: change.client, etag: null, fetchedAt: now, lastViewedAt: existing?.lastViewedAt ?? 0 });
        break;
      }
      case 'client.delete':
      case 'access.revoke':
        await deleteClientData(tx, change.clientId, { keepClientRow: false });
        purged.add(change.clientId);
        break;
      case 'secondment.upsert':
        await tx.objectStore('secondments').put(change.secondment);
        break;
      case 'secondment.delete':
        await tx.objectStore('secondments').delete(change.secondmentId);
        break;
      case 'need.upsert':
        await tx.objectStore('needs').put(change.need);
        break;
      case 'need.delete':
        await tx.objectStore('needs').delete(change.needId);
        break;
      case 'flag.set':
        await tx.objectStore('flags').put(change.flag);
        break;
      case 'flag.clear':
        await tx.objectStore('flags').delete(change.clientId);
        break;
    }
  }
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
