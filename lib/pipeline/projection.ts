import type { CandidateFlag } from '../contract/candidate-flag';
import type { Need } from '../contract/need';
import type { Secondment } from '../contract/secondment';
import type { FlagFacts } from './candidates';
import { type ColumnSchema, type Columns, fromColumns, toColumns } from './columns';
import { type NeedFacts, needFacts, newestFirst } from './need-row';
import type { SecondmentFacts } from './secondment-watch';

/**
 * The pipeline page's projection of the book: only what the page shows, in a few records the page
 * reads in one go instead of 75,000 entity rows. The background writes it (projection-store.ts);
 * every client lives, with its needs, secondments and flag, in exactly one chunk (by a hash of its
 * id), so a wall or an eviction rewrites one chunk and a delta rewrites only the chunks it touched.
 */

/** Bump when the chunk layout changes: the page then reads the book itself until the background rebuilds. */
export const PROJECTION_VERSION = 1;

/** The record that says how the chunks are laid out (key `PROJECTION_HEAD_KEY`; chunks are keyed 0..buckets-1). */
export interface ProjectionHead {
  version: number;
  buckets: number;
  /** When the build or update that wrote it started (ms): clients written after that may be newer. */
  asOf: number;
  counts: { clients: number; needs: number; secondments: number; flags: number };
}
export const PROJECTION_HEAD_KEY = 'head';

/** Aim for chunks of about this many needs: small enough to rewrite on a purge, few enough to read at once. */
const NEEDS_PER_CHUNK = 4_000;
export const bucketCount = (needs: number) => Math.max(1, Math.ceil(needs / NEEDS_PER_CHUNK));

/** Which chunk a client lives in (FNV-1a of its id): stable for as long as the bucket count is. */
export function bucketOf(clientId: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < clientId.length; i++) h = Math.imul(h ^ clientId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % buckets;
}

export interface ProjectedClient { id: string; name: string }
interface FlatSecondment { id: string; clientId: string; direction: string; status: string; plannedEnd: string; actualEnd: string | null; person: string; nextDue: string | null }
interface FlatFlag { clientId: string; priority: string; reason: string; flaggedAt: string; flaggedBy: string }

const CLIENTS: ColumnSchema<ProjectedClient> = { id: 'text', name: 'text' };
const NEEDS: ColumnSchema<NeedFacts> = {
  id: 'text', clientId: 'code', status: 'code', practiceArea: 'code', title: 'text', redacted: 'flag', askContact: 'code',
  confidential: 'flag', ownerKey: 'code', ownerName: 'code', identifiedBy: 'code', identifiedAtMs: 'number', statusSinceMs: 'number', matter: 'sparse',
};
const SECONDMENTS: ColumnSchema<FlatSecondment> = {
  id: 'text', clientId: 'code', direction: 'code', status: 'code', plannedEnd: 'code', actualEnd: 'code', person: 'code', nextDue: 'code',
};
const FLAGS: ColumnSchema<FlatFlag> = { clientId: 'text', priority: 'code', reason: 'text', flaggedAt: 'text', flaggedBy: 'code' };

/** One chunk as stored: the clients of one bucket and everything of theirs the page shows. */
export interface ProjectionChunk {
  clients: Columns;
  needs: Columns;
  secondments: Columns;
  flags: Columns;
}

/** One chunk's content, as the page (and a rewrite of the chunk) uses it. */
export interface ProjectedBook {
  clients: ProjectedClient[];
  needs: NeedFacts[];
  secondments: SecondmentFacts[];
  flags: FlagFacts[];
}

/** The entities of some clients, straight from the cache's stores. */
export interface BookRows {
  clients: ProjectedClient[];
  needs: Need[];
  secondments: Secondment[];
  flags: CandidateFlag[];
}

/** Entities → what the page shows of them (a redacted need's text is dropped here, by `needFacts`). */
export function projectRows(rows: BookRows): ProjectedBook {
  return {
    clients: rows.clients.map((c) => ({ id: c.id, name: c.name })),
    needs: rows.needs.map(needFacts),
    secondments: rows.secondments.map((s) => ({
      id: s.id, clientId: s.clientId, direction: s.direction, status: s.status, plannedEnd: s.plannedEnd, actualEnd: s.actualEnd,
      person: { name: s.person.name }, checkIns: { nextDue: s.checkIns.nextDue },
    })),
    flags: rows.flags.map((f) => ({ clientId: f.clientId, priority: f.priority, reason: f.reason, flaggedAt: f.flaggedAt, flaggedBy: { name: f.flaggedBy.name } })),
  };
}

export function encodeChunk(book: ProjectedBook): ProjectionChunk {
  return {
    clients: toColumns(book.clients, CLIENTS),
    // In the board's order: the page's sort of all chunks then only merges runs.
    needs: toColumns([...book.needs].sort(newestFirst), NEEDS),
    secondments: toColumns(book.secondments.map((s): FlatSecondment => ({
      id: s.id, clientId: s.clientId, direction: s.direction, status: s.status, plannedEnd: s.plannedEnd, actualEnd: s.actualEnd, person: s.person.name, nextDue: s.checkIns.nextDue,
    })), SECONDMENTS),
    flags: toColumns(book.flags.map((f): FlatFlag => ({ clientId: f.clientId, priority: f.priority, reason: f.reason, flaggedAt: f.flaggedAt, flaggedBy: f.flaggedBy.name })), FLAGS),
  };
}

export function decodeChunk(chunk: ProjectionChunk): ProjectedBook {
  return {
    clients: fromColumns(chunk.clients, CLIENTS),
    needs: fromColumns(chunk.needs, NEEDS),
    secondments: fromColumns(chunk.secondments, SECONDMENTS).map((s) => ({
      id: s.id, clientId: s.clientId, direction: s.direction, status: s.status, plannedEnd: s.plannedEnd, actualEnd: s.actualEnd, person: { name: s.person }, checkIns: { nextDue: s.nextDue },
    }) as SecondmentFacts),
    flags: fromColumns(chunk.flags, FLAGS).map((f) => ({ clientId: f.clientId, priority: f.priority, reason: f.reason, flaggedAt: f.flaggedAt, flaggedBy: { name: f.flaggedBy } }) as FlagFacts),
  };
}

/** Several chunks' books as one. */
export function joinBooks(books: readonly ProjectedBook[]): ProjectedBook {
  return {
    clients: books.flatMap((b) => b.clients),
    needs: books.flatMap((b) => b.needs),
    secondments: books.flatMap((b) => b.secondments),
    flags: books.flatMap((b) => b.flags),
  };
}

/** A book without the given clients' entries (before they are put back fresh, or when they are purged). */
export function withoutClients(book: ProjectedBook, ids: ReadonlySet<string>): ProjectedBook {
  return {
    clients: book.clients.filter((c) => !ids.has(c.id)),
    needs: book.needs.filter((n) => !ids.has(n.clientId)),
    secondments: book.secondments.filter((s) => !ids.has(s.clientId)),
    flags: book.flags.filter((f) => !ids.has(f.clientId)),
  };
}

/** Splits a book into its buckets' books. */
export function splitBook(book: ProjectedBook, buckets: number): ProjectedBook[] {
  const parts: ProjectedBook[] = Array.from({ length: buckets }, () => ({ clients: [], needs: [], secondments: [], flags: [] }));
  const memo = new Map<string, number>();
  const at = (clientId: string) => {
    let b = memo.get(clientId);
    if (b === undefined) memo.set(clientId, (b = bucketOf(clientId, buckets)));
    return parts[b]!;
  };
  for (const c of book.clients) at(c.id).clients.push(c);
  for (const n of book.needs) at(n.clientId).needs.push(n);
  for (const s of book.secondments) at(s.clientId).secondments.push(s);
  for (const f of book.flags) at(f.clientId).flags.push(f);
  return parts;
}

export const countsOf = (book: ProjectedBook): ProjectionHead['counts'] => ({
  clients: book.clients.length, needs: book.needs.length, secondments: book.secondments.length, flags: book.flags.length,
});
