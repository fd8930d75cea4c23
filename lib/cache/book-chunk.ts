import type { Client } from '../contract/client';
import type { Need } from '../contract/need';
import type { Secondment } from '../contract/secondment';
import { recordIndexKeys } from './record-index';

/**
 * What one write says about one client: its record (when it carries one), secondments and needs
 * added or replaced, and ids of ones deleted. A client's data is the fold of its parts in write
 * order (see `foldParts`).
 */
export interface ClientPart {
  clientId: string;
  client?: Client;
  secondments?: Secondment[];
  needs?: Need[];
  deletedSecondments?: string[];
  deletedNeeds?: string[];
}

/**
 * One row of the `book` store: the parts of many clients, written together. Packing many entities
 * per row is what makes a full sync fast: IndexedDB costs ~130–250 µs per request on this kind of
 * machine whatever the row's size, so 75,000 entities as 75,000 rows take 10–20 s, and as ~400
 * rows of ~190 entities well under one (docs/BENCHMARKS.md). Rows are appended, never patched in a
 * sync: a client's later part wins over its earlier ones. Its own opening (`writeContext`), a purge
 * and compaction rewrite the rows holding a client without it.
 */
export interface BookChunk {
  /** Out of an auto-increment key: the write order, which the fold follows. */
  seq?: number;
  /** When it was written (ms since epoch): how current its parts were as of then. */
  writtenAt: number;
  /** `byClient` multiEntry index: every client with a part here. */
  clientIds: string[];
  /** `byRecord` multiEntry index: the PMS records of the client records here (see record-index.ts). */
  recordKeys: string[];
  parts: ClientPart[];
}

/**
 * Entities (client records, secondments, needs, deletions) per chunk, sized by measurement
 * (bench/full-sync-ab.ts, docs/BENCHMARKS.md): against 48, 192 makes a full sync ~1 s faster and
 * its data a quarter smaller on disk, for ~7 ms more on the first look at a client nobody has opened
 * (its chunks are read whole); 768 is no faster to sync and slower to read.
 */
export const ENTITIES_PER_CHUNK = 192;

/** A client as the fold of its parts. `client` is undefined while only children of it are known. */
export interface FoldedClient {
  clientId: string;
  client: Client | undefined;
  secondments: Secondment[];
  needs: Need[];
  /** The newest `writtenAt` among the chunks folded. */
  writtenAt: number;
  /**
   * The newest `writtenAt` of a chunk carrying its record (0 without one): how current the client
   * is for the firm's maximum age. A later need alone does not make the rest of it current.
   */
  recordWrittenAt: number;
  /** How many chunks hold a part of it (compaction's measure). */
  chunks: number;
}

/** Folds the chunks holding a client (in ascending `seq`, as the `byClient` index returns them). */
export function foldClient(clientId: string, chunks: readonly BookChunk[]): FoldedClient {
  let client: Client | undefined;
  const secondments = new Map<string, Secondment>();
  const needs = new Map<string, Need>();
  let writtenAt = 0;
  let recordWrittenAt = 0;
  for (const chunk of chunks) {
    writtenAt = Math.max(writtenAt, chunk.writtenAt);
    for (const part of chunk.parts) {
      if (part.clientId !== clientId) continue;
      if (part.client) {
        client = part.client;
        recordWrittenAt = Math.max(recordWrittenAt, chunk.writtenAt);
      }
      for (const id of part.deletedSecondments ?? []) secondments.delete(id);
      for (const id of part.deletedNeeds ?? []) needs.delete(id);
      for (const s of part.secondments ?? []) secondments.set(s.id, s);
      for (const n of part.needs ?? []) needs.set(n.id, n);
    }
  }
  return { clientId, client, secondments: [...secondments.values()], needs: [...needs.values()], writtenAt, recordWrittenAt, chunks: chunks.length };
}

/** Folds every client of a set of chunks (the whole book: ascending `seq`). */
export function foldAll(chunks: readonly BookChunk[]): Map<string, FoldedClient> {
  const byClient = new Map<string, BookChunk[]>();
  for (const chunk of chunks) {
    for (const id of chunk.clientIds) {
      const list = byClient.get(id);
      if (list) list.push(chunk);
      else byClient.set(id, [chunk]);
    }
  }
  const folded = new Map<string, FoldedClient>();
  for (const [id, list] of byClient) folded.set(id, foldClient(id, list));
  return folded;
}

/** Whole entities grouped into one part per client (the upgrade from entity stores, test fixtures). */
export function partsOf(entities: { clients?: readonly Client[]; secondments?: readonly Secondment[]; needs?: readonly Need[] }): ClientPart[] {
  const parts = new Map<string, ClientPart>();
  const part = (clientId: string) => parts.get(clientId) ?? parts.set(clientId, { clientId }).get(clientId)!;
  for (const c of entities.clients ?? []) part(c.id).client = c;
  for (const s of entities.secondments ?? []) (part(s.clientId).secondments ??= []).push(s);
  for (const n of entities.needs ?? []) (part(n.clientId).needs ??= []).push(n);
  return [...parts.values()];
}

/** The ids of the clients whose record these parts carry (a part may hold only children of a client). */
export function clientsWithRecordIn(parts: readonly ClientPart[]): string[] {
  return parts.flatMap((p) => (p.client ? [p.clientId] : []));
}

/** A folded client as one part (compaction, a repack). */
export function partOf(folded: Pick<FoldedClient, 'clientId' | 'client' | 'secondments' | 'needs'>): ClientPart {
  const part: ClientPart = { clientId: folded.clientId };
  if (folded.client) part.client = folded.client;
  if (folded.secondments.length) part.secondments = folded.secondments;
  if (folded.needs.length) part.needs = folded.needs;
  return part;
}

const entitiesOf = (part: ClientPart) =>
  (part.client ? 1 : 0) + (part.secondments?.length ?? 0) + (part.needs?.length ?? 0) + (part.deletedSecondments?.length ?? 0) + (part.deletedNeeds?.length ?? 0);

/** A chunk of these parts (its index keys follow from them). */
export function chunkOf(parts: ClientPart[], writtenAt: number): BookChunk {
  const recordKeys = new Set<string>();
  for (const part of parts) if (part.client) for (const key of recordIndexKeys(part.client)) recordKeys.add(key);
  return { writtenAt, clientIds: [...new Set(parts.map((p) => p.clientId))], recordKeys: [...recordKeys], parts };
}

/** Packs parts into chunks of about `ENTITIES_PER_CHUNK` entities; a client's part is never split. */
export function packParts(parts: readonly ClientPart[], writtenAt: number, perChunk = ENTITIES_PER_CHUNK): BookChunk[] {
  const chunks: BookChunk[] = [];
  let current: ClientPart[] = [];
  let size = 0;
  for (const part of parts) {
    const n = entitiesOf(part);
    if (current.length > 0 && size + n > perChunk) {
      chunks.push(chunkOf(current, writtenAt));
      current = [];
      size = 0;
    }
    current.push(part);
    size += n;
  }
  if (current.length > 0) chunks.push(chunkOf(current, writtenAt));
  return chunks;
}

/**
 * Packs whole clients, each with its own age, oldest first: a chunk is as current as its least
 * current client (expiry then errs towards deleting). For rewriting a book (the v5 upgrade, a repack).
 */
export function packAged(clients: readonly { part: ClientPart; writtenAt: number }[]): BookChunk[] {
  const sorted = [...clients].sort((a, b) => a.writtenAt - b.writtenAt);
  const age = new Map(sorted.map((c) => [c.part.clientId, c.writtenAt]));
  return packParts(sorted.map((c) => c.part), 0).map((chunk) => ({ ...chunk, writtenAt: Math.min(...chunk.clientIds.map((id) => age.get(id) ?? 0)) }));
}

/** The chunk without some clients' parts; null when nothing is left of it. */
export function withoutClientParts(chunk: BookChunk, ids: ReadonlySet<string>): BookChunk | null {
  const parts = chunk.parts.filter((p) => !ids.has(p.clientId));
  if (parts.length === 0) return null;
  return { ...chunkOf(parts, chunk.writtenAt), seq: chunk.seq };
}
