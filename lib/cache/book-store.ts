import { type BookChunk, chunkOf, clientsWithRecordIn, type FoldedClient, foldAll, foldClient, packAged, partOf, withoutClientParts } from './book-chunk';
import type { Secondment } from '../contract/secondment';
import { type LensDb, lensTx, type LensTx, META_KEYS } from './lens-db';

type WriteTx = LensTx<'readwrite'>;

/** One client as the `book` store has it now (see book-chunk.ts), in the caller's transaction. */
export async function readFolded(tx: LensTx, clientId: string): Promise<FoldedClient> {
  return foldClient(clientId, await tx.objectStore('book').index('byClient').getAll(clientId));
}

/** Several clients, each in one `getAll` (requests issued together). */
export async function readFoldedMany(tx: LensTx, ids: readonly string[]): Promise<FoldedClient[]> {
  return Promise.all(ids.map((id) => readFolded(tx, id)));
}

/** Every client of the book, folded (the pipeline's projection, reminders). */
export async function readWholeBook(tx: LensTx): Promise<Map<string, FoldedClient>> {
  return foldAll(await tx.objectStore('book').getAll());
}

/** Every secondment of the book (hourly reminders: one read of the whole book). */
export async function readAllSecondments(db: LensDb): Promise<Secondment[]> {
  const tx = lensTx(db, ['book'], 'readonly');
  const book = await readWholeBook(tx);
  await tx.done;
  return [...book.values()].flatMap((c) => c.secondments);
}

/**
 * Rewrites every chunk holding any of `ids` without their parts (or deletes it when nothing is left):
 * a purge, an eviction, or the step before a client's data is written afresh.
 */
export async function removeFromBook(tx: WriteTx, ids: Iterable<string>): Promise<void> {
  const set = new Set(ids);
  if (set.size === 0) return;
  const index = tx.objectStore('book').index('byClient');
  const found = new Map<number, BookChunk>();
  for (const list of await Promise.all([...set].map((id) => index.getAll(id)))) for (const chunk of list) found.set(chunk.seq!, chunk);
  const store = tx.objectStore('book');
  await Promise.all([...found.values()].map((chunk) => {
    const rest = withoutClientParts(chunk, set);
    return rest ? store.put(rest) : store.delete(chunk.seq!);
  }));
}

/**
 * Writes a client's folded data as one part of a fresh chunk, its older parts gone: reading it is one
 * row again. The chunk keeps the age of the client's record: compacting confirms nothing.
 */
export async function compactClient(tx: WriteTx, clientId: string): Promise<void> {
  const folded = await readFolded(tx, clientId);
  if (folded.chunks <= 1) return;
  await removeFromBook(tx, [clientId]);
  if (folded.client || folded.secondments.length || folded.needs.length) await tx.objectStore('book').add(chunkOf([partOf(folded)], folded.recordWrittenAt));
}

/**
 * Rewrites the whole book with each client as one part: after a sync from the feed's start over a
 * book that still held clients (the cursor restarts after expiry), every one of them would
 * otherwise be stored twice. Returns the chunks written.
 */
export async function repackBook(tx: WriteTx): Promise<number> {
  const folded = [...(await readWholeBook(tx)).values()];
  const store = tx.objectStore('book');
  await store.clear();
  const chunks = packAged(folded.map((c) => ({ part: partOf(c), writtenAt: c.recordWrittenAt })));
  await Promise.all(chunks.map((chunk) => store.add(chunk)));
  return chunks.length;
}

/** A client is spread over more chunks than this (sync deltas append): compact it. */
export const COMPACT_AT_CHUNKS = 8;

/** Compacts those of `ids` spread over `COMPACT_AT_CHUNKS` chunks or more. Returns how many were compacted. */
export async function compactSpread(tx: WriteTx, ids: Iterable<string>): Promise<number> {
  const index = tx.objectStore('book').index('byClient');
  const list = [...new Set(ids)];
  const counts = await Promise.all(list.map((id) => index.count(id)));
  const spread = list.filter((_, i) => counts[i]! >= COMPACT_AT_CHUNKS);
  for (const id of spread) await compactClient(tx, id);
  return spread.length;
}

/**
 * The ids of the clients whose record the book holds, kept in `meta` as one sorted list (how many
 * clients are cached, which to evict, which children are orphans: answered without reading the book).
 * Changed in the same transaction as the chunks it describes.
 */
export async function readDirectory(tx: LensTx): Promise<string[]> {
  return ((await tx.objectStore('meta').get(META_KEYS.bookDirectory)) as string[] | undefined) ?? [];
}

/** How many clients the directory lists (a partition written before its size was kept: the list's length). */
export async function readDirectorySize(tx: LensTx): Promise<number> {
  const size = (await tx.objectStore('meta').get(META_KEYS.bookDirectorySize)) as number | undefined;
  return size ?? (await readDirectory(tx)).length;
}

/** Up to this many ids, their own chunks are read rather than the directory (~7 ms for 20,000 ids in Chromium). */
const FEW_IDS = 32;

/**
 * Those of `ids` whose record the book holds: for a few (a delta's clients), from their own chunks;
 * for more, from the directory. The two agree: the directory changes with the chunks it describes.
 */
export async function clientsWithRecord(tx: LensTx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length > FEW_IDS) {
    const directory = new Set(await readDirectory(tx));
    return new Set(ids.filter((id) => directory.has(id)));
  }
  const index = tx.objectStore('book').index('byClient');
  const chunks = await Promise.all(ids.map((id) => index.getAll(id)));
  return new Set(ids.filter((id, i) => chunks[i]!.some((c) => clientsWithRecordIn(c.parts).includes(id))));
}

/**
 * Adds the clients whose records a sync page brings; call it before the page's chunks are added.
 * A page that only changes clients the book holds already (most deltas) leaves the directory unread.
 */
export async function addToDirectory(tx: WriteTx, ids: readonly string[]): Promise<void> {
  let fresh = ids;
  if (ids.length <= FEW_IDS) {
    const held = await clientsWithRecord(tx, ids);
    fresh = ids.filter((id) => !held.has(id));
  }
  await updateDirectory(tx, fresh, []);
}

/** Adds and removes ids; writes only when the list changed (a page of needs leaves it alone). */
export async function updateDirectory(tx: WriteTx, add: Iterable<string>, remove: Iterable<string>): Promise<void> {
  const added = [...add];
  const removed = [...remove];
  if (added.length === 0 && removed.length === 0) return;
  const set = new Set(await readDirectory(tx));
  let changed = false;
  for (const id of removed) changed = set.delete(id) || changed;
  for (const id of added) {
    if (set.has(id)) continue;
    set.add(id);
    changed = true;
  }
  if (!changed) return;
  const meta = tx.objectStore('meta');
  await Promise.all([meta.put([...set].sort(), META_KEYS.bookDirectory), meta.put(set.size, META_KEYS.bookDirectorySize)]);
}
