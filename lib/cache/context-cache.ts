import type { ClientContext } from '../contract/client-context';
import type { CachedContext, LensDb } from './lens-db';

export async function readContext(db: LensDb, clientId: string): Promise<CachedContext | undefined> {
  return db.get('contexts', clientId);
}

export async function writeContext(db: LensDb, context: ClientContext, etag: string | null, now = Date.now()): Promise<CachedContext> {
  const row: CachedContext = { clientId: context.client.id, context, etag, fetchedAt: now, lastViewedAt: now };
  await db.put('contexts', row);
  return row;
}

/** A 304: the cached context is confirmed as current. */
export async function touchContext(db: LensDb, clientId: string, now = Date.now()): Promise<CachedContext | undefined> {
  const tx = db.transaction('contexts', 'readwrite');
  const row = await tx.store.get(clientId);
  if (row) await tx.store.put({ ...row, fetchedAt: now, lastViewedAt: now });
  await tx.done;
  return row && { ...row, fetchedAt: now, lastViewedAt: now };
}

/** Ethical wall or deletion: the client's data leaves this machine at once. */
export async function purgeClient(db: LensDb, clientId: string): Promise<void> {
  const tx = db.transaction(['contexts', 'resolutions'], 'readwrite');
  await tx.objectStore('contexts').delete(clientId);
  let cursor = await tx.objectStore('resolutions').openCursor();
  while (cursor) {
    if (cursor.value.matches.some((m) => m.id === clientId)) await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
}

/** Keeps at most `maxClients` contexts, dropping the least recently viewed. Returns how many went. */
export async function evictLeastRecentlyViewed(db: LensDb, maxClients: number): Promise<number> {
  const tx = db.transaction('contexts', 'readwrite');
  let excess = (await tx.store.count()) - maxClients;
  let evicted = 0;
  let cursor = excess > 0 ? await tx.store.index('byLastViewed').openCursor() : null;
  while (cursor && excess > 0) {
    await cursor.delete();
    excess--;
    evicted++;
    cursor = await cursor.continue();
  }
  await tx.done;
  return evicted;
}
