import { unwrap } from 'idb';
import type { Change } from '../contract/changes';
import type { Client } from '../contract/client';
import type { Need } from '../contract/need';
import type { Secondment } from '../contract/secondment';
import { type ClientPart, clientsWithRecordIn, packParts } from '../cache/book-chunk';
import { addToDirectory } from '../cache/book-store';
import { deleteClientsEverywhere } from '../cache/context-cache';
import { type LensDb, lensTx, type LensTx, META_KEYS, type QuarantinedChange } from '../cache/lens-db';
import { dropFromProjection } from '../cache/projection-store';
import { quarantine } from '../cache/quarantine-store';

export interface AppliedPage {
  /** Clients purged (revoked or deleted), so that open sidebars can be told. */
  purged: Set<string>;
  /** Clients with a part written (record, secondments, needs) or a flag changed. */
  touched: Set<string>;
  /** Book chunks appended. */
  chunks: number;
}

/** How a page must find the cache to be written (book-sync.ts). */
export interface PageTurn {
  /**
   * The cursor this page follows. When the stored cursor is another (expiry restarted the feed
   * while the run fetched this page: eviction.ts deleteExpired), nothing of the page is written:
   * its cursor would otherwise jump over what the restart is to bring back.
   */
  after?: string;
}

/** The page's transaction found another cursor than the one it follows (see PageTurn.after): nothing of it was written. */
export class PageOutOfTurn extends Error {
  constructor(expected: string, found: string | undefined) {
    super(`Sync page not applied: it follows cursor ${expected}, the cache is at ${found ?? 'the start'}.`);
    this.name = 'PageOutOfTurn';
  }
}

/**
 * Applies one page of the change feed, quarantines its changes that failed the contract, and moves
 * the cursor, in ONE transaction: after an interruption the sync resumes exactly where the last
 * committed page ended, and the cursor can never run ahead of the data it covers.
 *
 * The page's changes are folded per client (in feed order: a later change wins, a delete after an
 * upsert removes it) and appended to the book as chunks of ~190 entities (book-chunk.ts): a 75,000-
 * entity book is ~400 requests instead of 75,000, and IndexedDB's cost is per request. The
 * requests are plain ones, none awaited: the transaction runs them in order and `tx.done` settles
 * once all have (a failed one aborts it, cursor included).
 */
export async function applyChanges(db: LensDb, changes: Change[], nextCursor: string, now = Date.now(), invalid: readonly QuarantinedChange[] = [], turn: PageTurn = {}): Promise<AppliedPage> {
  // Relaxed durability: a page lost to a crash is fetched again (the cursor commits with it).
  const tx = lensTx(db, ['book', 'views', 'flags', 'resolutions', 'meta', 'quarantine', 'pipeline'], 'readwrite', { durability: 'relaxed' });
  const check = turn.after === undefined ? null : checkTurn(tx, turn.after);
  // Awaited at the end of writePage; a page aborted before that point rejects through its requests.
  tx.done.catch(() => undefined);
  try {
    return await writePage(tx, changes, nextCursor, now, invalid);
  } catch (error) {
    throw check?.outOfTurn ?? error;
  }
}

/**
 * The page's first request: the stored cursor must be the one this page follows, or the whole
 * transaction is aborted before it can commit (its other requests run after this one).
 */
function checkTurn(tx: LensTx<'readwrite'>, after: string): { outOfTurn: PageOutOfTurn | null } {
  const turn: { outOfTurn: PageOutOfTurn | null } = { outOfTurn: null };
  const stored = unwrap(tx.objectStore('meta')).get(META_KEYS.syncCursor);
  stored.onsuccess = () => {
    const found = stored.result as string | undefined;
    if ((found ?? '0') === after) return;
    turn.outOfTurn = new PageOutOfTurn(after, found);
    tx.abort();
  };
  return turn;
}

async function writePage(tx: LensTx<'readwrite'>, changes: Change[], nextCursor: string, now: number, invalid: readonly QuarantinedChange[]): Promise<AppliedPage> {
  const flags = unwrap(tx.objectStore('flags'));
  const parts = new Map<string, PartBuilder>();
  const part = (clientId: string) => parts.get(clientId) ?? parts.set(clientId, new PartBuilder(clientId)).get(clientId)!;
  const purged = new Set<string>();
  const touched = new Set<string>();
  for (const change of changes) {
    switch (change.type) {
      case 'client.upsert':
        part(change.client.id).client = change.client;
        break;
      case 'client.delete':
      case 'access.revoke':
        // Rare. What this page said of the client before is dropped; what is stored goes now (the
        // loop waits, so the flag requests issued before run first and the page's chunks are
        // appended after). Its mapped PMS records go too: a record must not keep pointing at a
        // client this user may no longer see.
        parts.delete(change.clientId);
        await deleteClientsEverywhere(tx, [change.clientId]);
        purged.add(change.clientId);
        break;
      case 'secondment.upsert':
        part(change.secondment.clientId).upsert('secondments', change.secondment);
        break;
      case 'secondment.delete':
        part(change.clientId).remove('secondments', change.secondmentId);
        break;
      case 'need.upsert':
        part(change.need.clientId).upsert('needs', change.need);
        break;
      case 'need.delete':
        part(change.clientId).remove('needs', change.needId);
        break;
      case 'flag.set':
        flags.put(change.flag);
        touched.add(change.flag.clientId);
        break;
      case 'flag.clear':
        flags.delete(change.clientId);
        touched.add(change.clientId);
        break;
    }
  }
  const book = unwrap(tx.objectStore('book'));
  const built = [...parts.values()].map((b) => b.build());
  // Before the page's chunks go in: they hold the very records it looks for.
  await addToDirectory(tx, clientsWithRecordIn(built));
  const chunks = packParts(built, now);
  for (const chunk of chunks) book.add(chunk);
  for (const p of built) touched.add(p.clientId);
  await dropFromProjection(tx, purged); // with the rest of their data, in this transaction
  await quarantine(tx.objectStore('quarantine'), invalid);
  unwrap(tx.objectStore('meta')).put(nextCursor, META_KEYS.syncCursor);
  await tx.done;
  return { purged, touched, chunks: chunks.length };
}

/** One client's changes within a page, netted: an upsert after a delete of the same id wins, and the reverse. */
class PartBuilder {
  client: Client | undefined;
  private readonly secondments = new Map<string, Secondment>();
  private readonly needs = new Map<string, Need>();
  private readonly deleted = { secondments: new Set<string>(), needs: new Set<string>() };

  constructor(readonly clientId: string) {}

  upsert(kind: 'secondments', entity: Secondment): void;
  upsert(kind: 'needs', entity: Need): void;
  upsert(kind: 'secondments' | 'needs', entity: Secondment | Need): void {
    this.deleted[kind].delete(entity.id);
    if (kind === 'secondments') this.secondments.set(entity.id, entity as Secondment);
    else this.needs.set(entity.id, entity as Need);
  }

  remove(kind: 'secondments' | 'needs', id: string): void {
    this[kind].delete(id);
    this.deleted[kind].add(id);
  }

  build(): ClientPart {
    const part: ClientPart = { clientId: this.clientId };
    if (this.client) part.client = this.client;
    if (this.secondments.size) part.secondments = [...this.secondments.values()];
    if (this.needs.size) part.needs = [...this.needs.values()];
    if (this.deleted.secondments.size) part.deletedSecondments = [...this.deleted.secondments];
    if (this.deleted.needs.size) part.deletedNeeds = [...this.deleted.needs];
    return part;
  }
}
