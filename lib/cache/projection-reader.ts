import type { IDBPTransaction, StoreNames } from 'idb';
import {
  decodeChunk, joinBooks, PROJECTION_HEAD_KEY, PROJECTION_VERSION, type ProjectedBook, type ProjectionChunk, type ProjectionHead,
  projectRows, withoutClients,
} from '../pipeline/projection';
import type { LensDbSchema } from './lens-db';
import { clientsWrittenSince, readAllRows, readClientRows } from './projection-store';

/** The stores the page reads: the projection, and the book and flags for what changed since it was written. */
export const PAGE_READ_STORES = ['pipeline', 'book', 'flags'] as const;
type ReadTx = IDBPTransaction<LensDbSchema, ArrayLike<StoreNames<LensDbSchema>>, 'readonly'>;

/**
 * Past this many clients written since the projection was, the page reads the whole book instead
 * (a full sync is under way, or the background has not caught up yet).
 */
const PATCH_LIMIT = 500;

/** How the book was read: from the projection (and how many clients were read fresh), or from the book itself. */
export type BookSource = { from: 'projection'; chunks: number; patched: number } | { from: 'stores' };

/**
 * The book as the pipeline page shows it, in the caller's read transaction: the background's
 * projection, with every client with a chunk written after it (a sidebar's refresh, a sync the
 * projection has not caught up with) read fresh from the book. Purged clients are never
 * in it: a purge deletes from the projection in the same transaction as from the stores. Without a
 * projection (or with too much written since), the book is read whole, as before it existed.
 */
export async function readProjectedBook(tx: ReadTx): Promise<{ book: ProjectedBook; source: BookSource }> {
  const head = (await tx.objectStore('pipeline').get(PROJECTION_HEAD_KEY)) as ProjectionHead | undefined;
  if (head?.version === PROJECTION_VERSION) {
    const [chunks, written] = await Promise.all([
      tx.objectStore('pipeline').getAll(IDBKeyRange.bound(0, head.buckets - 1)) as Promise<ProjectionChunk[]>,
      clientsWrittenSince(tx, head.asOf),
    ]);
    if (written.length <= PATCH_LIMIT) {
      const stored = joinBooks(chunks.map(decodeChunk));
      if (written.length === 0) return { book: stored, source: { from: 'projection', chunks: chunks.length, patched: 0 } };
      const fresh = projectRows(await readClientRows(tx, written));
      return { book: joinBooks([withoutClients(stored, new Set(written)), fresh]), source: { from: 'projection', chunks: chunks.length, patched: written.length } };
    }
  }
  return { book: projectRows(await readAllRows(tx)), source: { from: 'stores' } };
}
