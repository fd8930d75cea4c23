import { deleteClientEverywhere } from './context-cache';
import { dropFromProjection } from './projection-store';
import { CLIENT_DATA_STORES, type LensDb, META_KEYS } from './lens-db';

// The pipeline's projection goes with them, in the same transaction.
const CLIENT_STORES_AND_MAPPINGS = [...CLIENT_DATA_STORES, 'resolutions', 'pipeline'] as const;

/**
 * Keeps at most `maxClients` clients, dropping the least recently viewed with everything of theirs
 * (secondments, needs, flag, mapped records). Returns how many went.
 */
export async function evictLeastRecentlyViewed(db: LensDb, maxClients: number): Promise<number> {
  const excess = (await db.count('clients')) - maxClients;
  if (excess <= 0) return 0;
  const victims = (await db.getAllKeysFromIndex('clients', 'byLastViewed', null, excess)) as string[];
  const tx = db.transaction(CLIENT_STORES_AND_MAPPINGS, 'readwrite');
  for (const id of victims) await deleteClientEverywhere(tx, id);
  await dropFromProjection(tx, victims);
  await tx.done;
  return victims.length;
}

/**
 * Deletes (not just hides) every client the endpoint has not confirmed within the firm's maximum
 * age. A completed book sync confirms all clients as of its start; once that confirmation is past
 * the age too, each client counts by its own time, and the feed's cursor restarts so that the next
 * sync brings back, fresh, whatever was deleted here. Found through `byFetchedAt`, never a scan.
 * Returns the ids deleted.
 */
export async function deleteExpired(db: LensDb, maxAgeMs: number, now = Date.now()): Promise<string[]> {
  const cutoff = now - maxAgeMs;
  const confirmedAt = (await db.get('meta', META_KEYS.syncConfirmedAt)) as number | undefined;
  if (confirmedAt !== undefined && confirmedAt >= cutoff) return [];
  const tx = db.transaction([...CLIENT_STORES_AND_MAPPINGS, 'meta'], 'readwrite');
  const expired = (await tx.objectStore('clients').index('byFetchedAt').getAllKeys(IDBKeyRange.upperBound(cutoff, true))) as string[];
  for (const id of expired) await deleteClientEverywhere(tx, id);
  await dropFromProjection(tx, expired);
  if (expired.length > 0) {
    await tx.objectStore('meta').delete(META_KEYS.syncCursor);
    await tx.objectStore('meta').delete(META_KEYS.syncConfirmedAt);
  }
  await tx.done;
  return expired;
}

/**
 * Deletes the secondments, needs and flags of `clientIds` whose client is not cached: a change to a
 * child of a client evicted earlier must not leave rows nothing can reach or evict. Run after a
 * completed sync only (within one run a child may come pages before its client).
 */
export async function deleteOrphans(db: LensDb, clientIds: Iterable<string>): Promise<number> {
  const candidates = [...new Set(clientIds)];
  if (candidates.length === 0) return 0;
  const tx = db.transaction(['clients', 'secondments', 'needs', 'flags'], 'readwrite');
  const present = new Set((await tx.objectStore('clients').getAllKeys()) as string[]);
  let deleted = 0;
  for (const id of candidates) {
    if (present.has(id)) continue;
    const [sKeys, nKeys, flag] = await Promise.all([
      tx.objectStore('secondments').index('byClient').getAllKeys(id),
      tx.objectStore('needs').index('byClient').getAllKeys(id),
      tx.objectStore('flags').getKey(id),
    ]);
    deleted += sKeys.length + nKeys.length + (flag === undefined ? 0 : 1);
    await Promise.all([
      ...sKeys.map((k) => tx.objectStore('secondments').delete(k)),
      ...nKeys.map((k) => tx.objectStore('needs').delete(k)),
      tx.objectStore('flags').delete(id),
    ]);
  }
  await tx.done;
  return deleted;
}
