import type { ExternalRecord } from '../contract/pms';
import { readContextIn } from './context-cache';
import { type CachedContext, type CachedResolution, CLIENT_DATA_STORES, type LensDb, lensTx, type LensTx, META_KEYS, type OutboxRow } from './lens-db';
import { refKey, resolveFromBook, settledClientId } from './resolution-cache';
import { type KeptRead, keepRead, markWrites, onUnscopedWrite, stillCurrent } from './write-generations';

/** All the cache knows about a record, for the sidebar's first paint. */
export interface FirstLook {
  /** The endpoint's cached answer, else the synced book's matches (unconfirmed: `resolvedAt` 0). */
  resolution: CachedResolution | undefined;
  cached: CachedContext | undefined;
  outbox: OutboxRow[];
  practiceAreas: string[] | undefined;
}

/** The client a record settled on last time, per partition: a guess that lets both reads go out together. */
const lastSettled = new WeakMap<LensDb, Map<string, string>>();
/** Records remembered per partition (a bound: a page may report record after record). */
const REMEMBERED_MAX = 500;

/**
 * The last first look of recent records, per partition, reused while nothing it read has been
 * written since (write-generations.ts): a record switched back to is painted without a round trip
 * to IndexedDB (~4–8 ms of a ~30 ms switch on the 2-core bench machine, docs/BENCHMARKS.md).
 */
const kept = new WeakMap<LensDb, Map<string, { look: FirstLook; read: KeptRead }>>();
const KEPT_MAX = 64;

function remember(db: LensDb, key: string, clientId: string | null): void {
  const map = lastSettled.get(db) ?? lastSettled.set(db, new Map()).get(db)!;
  map.delete(key);
  if (clientId === null) return;
  map.set(key, clientId);
  if (map.size > REMEMBERED_MAX) map.delete(map.keys().next().value!);
}

/**
 * Mapping, context, the client's queued writes and the need form's practice areas in ONE read
 * transaction: each transaction is a round trip to the browser process, and a record switch in a
 * single-page app has a budget of ~25 ms. A record seen before is read in one round: the client it
 * settled on last time is read beside its mapping, and used only if the mapping still settles on
 * it (a guess decides what is read, never what is shown). A record never resolved online is found
 * among the synced clients' PMS records through the `byRecord` index (issue 9, item 0): the whole
 * synced book is reachable offline, not only the records opened before.
 */
export async function readFirstLook(db: LensDb, record: ExternalRecord): Promise<FirstLook> {
  const key = refKey(record);
  const known = kept.get(db)?.get(key);
  if (known && stillCurrent(db, known.read)) return known.look;
  const mark = markWrites(db);
  const tx = lensTx(db, ['resolutions', ...CLIENT_DATA_STORES, 'outbox'], 'readonly');
  const guess = lastSettled.get(db)?.get(key);
  const guessed = guess === undefined ? null : readClientSide(tx, guess);
  const stored = await tx.objectStore('resolutions').get(key);
  const resolution = stored ?? (await resolveFromBook(tx, record));
  const clientId = resolution ? settledClientId(resolution) : null;
  remember(db, key, clientId);
  const side = clientId === null ? null : clientId === guess && guessed ? await guessed : await readClientSide(tx, clientId);
  await Promise.all([guessed, tx.done]);
  if (!side) return { resolution, cached: undefined, outbox: [], practiceAreas: undefined };
  const look = { resolution, ...side };
  // Kept only when it depends on this one client: the endpoint's own mapping (one found among the
  // synced book's records depends on every client's), and the client's cached context.
  const read = stored && side.cached && clientId !== null ? keepRead(db, mark, clientId) : null;
  if (read) keep(db, key, { look, read });
  return look;
}

function keep(db: LensDb, key: string, entry: { look: FirstLook; read: KeptRead }): void {
  let map = kept.get(db);
  if (!map) {
    const looks = new Map<string, { look: FirstLook; read: KeptRead }>();
    onUnscopedWrite(db, () => looks.clear());
    kept.set(db, (map = looks));
  }
  map.delete(key);
  map.set(key, entry);
  if (map.size > KEPT_MAX) map.delete(map.keys().next().value!);
}

type ClientSide = Pick<FirstLook, 'cached' | 'outbox' | 'practiceAreas'>;

async function readClientSide(tx: LensTx, clientId: string): Promise<ClientSide> {
  const [cached, outbox, areas] = await Promise.all([
    readContextIn(tx, clientId),
    tx.objectStore('outbox').index('byClient').getAll(clientId),
    tx.objectStore('meta').get(META_KEYS.practiceAreas) as Promise<{ list: string[] } | undefined>,
  ]);
  return { cached, outbox: outbox.sort((a, b) => a.seq - b.seq), practiceAreas: areas?.list };
}
