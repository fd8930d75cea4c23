import { clientsWithRecordIn } from './book-chunk';
import { clientsWithRecord, compactSpread, readDirectory, readDirectorySize, removeFromBook, repackBook } from './book-store';
import { deleteClientsEverywhere } from './context-cache';
import { dropFromProjection } from './projection-store';
import { CLIENT_DATA_STORES, type LensDb, lensTx, META_KEYS } from './lens-db';

// The pipeline's projection goes with them, in the same transaction.
const CLIENT_STORES_AND_MAPPINGS = [...CLIENT_DATA_STORES, 'resolutions', 'pipeline'] as const;

/** How many clients the book holds (their records, not children waiting for one). */
export async function countCachedClients(db: LensDb): Promise<number> {
  const tx = lensTx(db, ['meta'], 'readonly');
  const count = await readDirectorySize(tx);
  await tx.done;
  return count;
}

/**
 * Keeps at most `maxClients` clients, dropping the least recently viewed with everything of theirs
 * (secondments, needs, flag, mapped records): first those never opened (in id order), then by when
 * they were last viewed. Returns how many went.
 */
export async function evictLeastRecentlyViewed(db: LensDb, maxClients: number): Promise<number> {
  if ((await countCachedClients(db)) <= maxClients) return 0;
  const tx = lensTx(db, CLIENT_STORES_AND_MAPPINGS, 'readwrite');
  const [directory, views] = await Promise.all([readDirectory(tx), tx.objectStore('views').index('byLastViewed').getAll()]);
  const excess = directory.length - maxClients;
  if (excess <= 0) {
    await tx.done;
    return 0;
  }
  const viewed = new Set(views.map((v) => v.clientId));
  const victims = [...directory.filter((id) => !viewed.has(id)), ...views.map((v) => v.clientId)].slice(0, excess);
  await deleteClientsEverywhere(tx, victims);
  await dropFromProjection(tx, victims);
  await tx.done;
  return victims.length;
}

/**
 * Deletes (not just hides) every client the endpoint has not confirmed within the firm's maximum
 * age. A completed book sync confirms all clients as of its start; once that confirmation is past
 * the age too, each client counts by its record's newest write (a sync's or its own look-up's; a
 * later need alone does not make the rest current), and the feed's cursor restarts so that the
 * next sync brings back, fresh, whatever was deleted here. Returns the ids deleted.
 */
export async function deleteExpired(db: LensDb, maxAgeMs: number, now = Date.now()): Promise<string[]> {
  const cutoff = now - maxAgeMs;
  const confirmedAt = (await db.get('meta', META_KEYS.syncConfirmedAt)) as number | undefined;
  if (confirmedAt !== undefined && confirmedAt >= cutoff) return [];
  const tx = lensTx(db, CLIENT_STORES_AND_MAPPINGS, 'readwrite');
  const [directory, recentChunks, recentViews] = await Promise.all([
    readDirectory(tx),
    tx.objectStore('book').index('byWrittenAt').getAll(IDBKeyRange.lowerBound(cutoff)),
    tx.objectStore('views').getAll(),
  ]);
  const current = new Set(recentChunks.flatMap((c) => clientsWithRecordIn(c.parts)));
  for (const v of recentViews) if (v.fetchedAt >= cutoff) current.add(v.clientId);
  const expired = directory.filter((id) => !current.has(id));
  await deleteClientsEverywhere(tx, expired);
  await dropFromProjection(tx, expired);
  if (expired.length > 0) {
    await tx.objectStore('meta').delete(META_KEYS.syncCursor);
    await tx.objectStore('meta').delete(META_KEYS.syncConfirmedAt);
  }
  await tx.done;
  return expired;
}

/**
 * After a completed sync: deletes the parts of `clientIds` whose client record the book does not
 * hold (a change to a child of a client evicted earlier must not leave data nothing can reach or
 * evict), and compacts what the sync's appends spread: a client over many chunks, or (after a run
 * that brought most of the book again, `chunksWritten` of it) the whole book when it holds far more
 * chunks than that run wrote. Within one run a child may come pages before its client: only after
 * a completed run. Returns how many orphans went.
 */
export async function tidyAfterSync(db: LensDb, clientIds: Iterable<string>, chunksWritten = 0): Promise<number> {
  const candidates = [...new Set(clientIds)];
  if (candidates.length === 0) return 0;
  const tx = lensTx(db, ['book', 'flags', 'meta'], 'readwrite');
  const present = await clientsWithRecord(tx, candidates);
  const orphans = candidates.filter((id) => !present.has(id));
  await removeFromBook(tx, orphans);
  await Promise.all(orphans.map((id) => tx.objectStore('flags').delete(id)));
  if (candidates.length <= COMPACT_CHECK_MAX) await compactSpread(tx, candidates.filter((id) => present.has(id)));
  else if ((await tx.objectStore('book').count()) > chunksWritten * 1.5) await repackBook(tx);
  await tx.done;
  return orphans.length;
}

/** Past this many clients changed in one run, clients are not counted one by one (a full sync). */
const COMPACT_CHECK_MAX = 2_000;
