import type { IDBPTransaction, StoreNames } from 'idb';
import {
  type BookRows, bucketCount, bucketOf, countsOf, decodeChunk, encodeChunk, joinBooks, PROJECTION_HEAD_KEY, PROJECTION_VERSION,
  type ProjectedBook, type ProjectionChunk, type ProjectionHead, projectRows, splitBook, withoutClients,
} from '../pipeline/projection';
import { readDirectorySize, readFoldedMany, readWholeBook } from './book-store';
import type { FoldedClient } from './book-chunk';
import type { CandidateFlag } from '../contract/candidate-flag';
import { type LensDb, type LensDbSchema } from './lens-db';

type Tx = IDBPTransaction<LensDbSchema, ArrayLike<StoreNames<LensDbSchema>>, 'readwrite'>;
type AnyTx = IDBPTransaction<LensDbSchema, ArrayLike<StoreNames<LensDbSchema>>, IDBTransactionMode>;

/** The stores a projection write reads and writes: the book, flags, its own (and the directory in `meta`). */
export const PROJECTION_SOURCE_STORES = ['book', 'flags', 'meta', 'pipeline'] as const;

/** Past this many changed clients one full rebuild is cheaper than patching chunk by chunk. */
const PATCH_LIMIT = 2_000;

async function readHead(tx: Tx): Promise<ProjectionHead | undefined> {
  const head = (await tx.objectStore('pipeline').get(PROJECTION_HEAD_KEY)) as ProjectionHead | undefined;
  return head?.version === PROJECTION_VERSION ? head : undefined;
}

/** Folded clients and their flags as the projection's input rows. */
export function bookRowsOf(folded: Iterable<FoldedClient>, flags: readonly CandidateFlag[]): BookRows {
  const list = [...folded];
  return {
    clients: list.flatMap((c) => (c.client ? [c.client] : [])),
    needs: list.flatMap((c) => c.needs),
    secondments: list.flatMap((c) => c.secondments),
    flags: [...flags],
  };
}

/** The whole book and its flags as projection input (the page's fallback, a rebuild). */
export async function readAllRows(tx: AnyTx): Promise<BookRows> {
  const [book, flags] = await Promise.all([readWholeBook(tx), tx.objectStore('flags').getAll()]);
  return bookRowsOf(book.values(), flags);
}

/** The whole projection from the book, in the caller's transaction (replacing whatever was there). */
async function rebuildIn(tx: Tx, asOf: number): Promise<ProjectionHead> {
  const book = projectRows(await readAllRows(tx));
  const buckets = bucketCount(book.needs.length);
  const store = tx.objectStore('pipeline');
  const head: ProjectionHead = { version: PROJECTION_VERSION, buckets, asOf, counts: countsOf(book) };
  await store.clear();
  await Promise.all([...splitBook(book, buckets).map((part, i) => store.put(encodeChunk(part), i)), store.put(head, PROJECTION_HEAD_KEY)]);
  return head;
}

/** Everything of some clients as the book has it now (nothing for a client that is gone). */
export async function readClientRows(tx: AnyTx, ids: readonly string[]): Promise<BookRows> {
  const [folded, flags] = await Promise.all([readFoldedMany(tx, ids), Promise.all(ids.map((id) => tx.objectStore('flags').get(id)))]);
  return bookRowsOf(folded.filter((c) => c.client), flags.flatMap((f) => (f ? [f] : [])));
}

/** The clients with a chunk written at or after `since` (a sync, a sidebar's refresh). */
export async function clientsWrittenSince(tx: AnyTx, since: number): Promise<string[]> {
  const chunks = await tx.objectStore('book').index('byWrittenAt').getAll(IDBKeyRange.lowerBound(since));
  return [...new Set(chunks.flatMap((c) => c.clientIds))];
}

/** Rewrites the chunks holding `ids`: their entries out, and (`fresh`) their current entries back in. */
async function rewriteChunks(tx: Tx, head: ProjectionHead, ids: ReadonlySet<string>, fresh: ProjectedBook | null): Promise<ProjectionHead> {
  const store = tx.objectStore('pipeline');
  const touched = new Set([...ids].map((id) => bucketOf(id, head.buckets)));
  const freshParts = fresh ? splitBook(fresh, head.buckets) : null;
  const counts = { ...head.counts };
  await Promise.all([...touched].map(async (bucket) => {
    const stored = (await store.get(bucket)) as ProjectionChunk | undefined;
    const old = stored ? decodeChunk(stored) : joinBooks([]);
    const kept = withoutClients(old, ids);
    const next = freshParts ? joinBooks([kept, freshParts[bucket]!]) : kept;
    const [before, after] = [countsOf(old), countsOf(next)];
    for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += after[k] - before[k];
    await store.put(encodeChunk(next), bucket);
  }));
  const next = { ...head, counts };
  await store.put(next, PROJECTION_HEAD_KEY);
  return next;
}

/**
 * Purge, eviction, expiry, revocation: the clients leave the projection in the caller's transaction
 * (which must include `pipeline`), with their other data. Nothing to do while there is no projection.
 */
export async function dropFromProjection(tx: Tx, ids: Iterable<string>): Promise<void> {
  const set = new Set(ids);
  if (set.size === 0) return;
  const head = await readHead(tx);
  if (head) await rewriteChunks(tx, head, set, null);
}

/**
 * Brings the projection up to date after a sync: the clients the sync touched (`changed`, plus every
 * client with a chunk written since the projection was), chunk by chunk; a full rebuild when there
 * is no projection, too much changed, or its client count disagrees with the book's afterwards. One
 * transaction: a purge never interleaves with the read and the write.
 */
export async function updateProjection(db: LensDb, changed: Iterable<string>, now = Date.now()): Promise<'rebuilt' | 'patched' | 'current'> {
  const asOf = now;
  const tx = db.transaction(PROJECTION_SOURCE_STORES, 'readwrite', { durability: 'relaxed' }) as unknown as Tx;
  const head = await readHead(tx);
  let result: 'rebuilt' | 'patched' | 'current' = 'current';
  if (!head) {
    await rebuildIn(tx, asOf);
    result = 'rebuilt';
  } else {
    const ids = new Set([...changed, ...(await clientsWrittenSince(tx, head.asOf))]);
    if (ids.size > PATCH_LIMIT) {
      await rebuildIn(tx, asOf);
      result = 'rebuilt';
    } else {
      let next = head;
      if (ids.size > 0) {
        next = await rewriteChunks(tx, head, ids, projectRows(await readClientRows(tx, [...ids])));
        result = 'patched';
      }
      if (next.counts.clients !== (await readDirectorySize(tx))) {
        await rebuildIn(tx, asOf);
        result = 'rebuilt';
      } else {
        await tx.objectStore('pipeline').put({ ...next, asOf }, PROJECTION_HEAD_KEY);
      }
    }
  }
  await tx.done;
  return result;
}
