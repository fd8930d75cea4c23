import type { ExternalRecord } from '../contract/pms';
import { readContextIn } from './context-cache';
import { type CachedContext, type CachedResolution, CLIENT_DATA_STORES, type LensDb, lensTx, META_KEYS, type OutboxRow } from './lens-db';
import { refKey, resolveFromBook, settledClientId } from './resolution-cache';

/** All the cache knows about a record, for the sidebar's first paint. */
export interface FirstLook {
  /** The endpoint's cached answer, else the synced book's matches (unconfirmed: `resolvedAt` 0). */
  resolution: CachedResolution | undefined;
  cached: CachedContext | undefined;
  outbox: OutboxRow[];
  practiceAreas: string[] | undefined;
}

/**
 * Mapping, context, the client's queued writes and the need form's practice areas in ONE read
 * transaction: each transaction is a round trip to the browser process, and a record switch in a
 * single-page app has a budget of ~25 ms. A record never resolved online is found among the synced
 * clients' PMS records through the `byRecord` index (issue 9, item 0): the whole synced book is
 * reachable offline, not only the records opened before.
 */
export async function readFirstLook(db: LensDb, record: ExternalRecord): Promise<FirstLook> {
  const tx = lensTx(db, ['resolutions', ...CLIENT_DATA_STORES, 'outbox'], 'readonly');
  const resolution = (await tx.objectStore('resolutions').get(refKey(record))) ?? (await resolveFromBook(tx, record));
  const clientId = resolution ? settledClientId(resolution) : null;
  if (!clientId) {
    await tx.done;
    return { resolution, cached: undefined, outbox: [], practiceAreas: undefined };
  }
  const [cached, outbox, areas] = await Promise.all([
    readContextIn(tx, clientId),
    tx.objectStore('outbox').index('byClient').getAll(clientId),
    tx.objectStore('meta').get(META_KEYS.practiceAreas) as Promise<{ list: string[] } | undefined>,
  ]);
  await tx.done;
  return { resolution, cached, outbox: outbox.sort((a, b) => a.seq - b.seq), practiceAreas: areas?.list };
}
