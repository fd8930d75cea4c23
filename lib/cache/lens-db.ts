import { type DBSchema, deleteDB, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { CandidateFlag } from '../contract/candidate-flag';
import type { Client, ClientSummary } from '../contract/client';
import type { ClientContext } from '../contract/client-context';
import type { Need } from '../contract/need';
import type { Secondment } from '../contract/secondment';
import type { OutboxItemView } from '../messaging/outbox-item-view';
import type { ProjectionChunk, ProjectionHead } from '../pipeline/projection';
import { type BookChunk, packAged, partsOf } from './book-chunk';
import { recordIndexKeys } from './record-index';
import { countingWrites } from './write-generations';

/** v2–v4's client row (the upgrade to v5 reads it). */
interface ClientRowV4 {
  id: string;
  client: Client;
  etag: string | null;
  fetchedAt: number;
  lastViewedAt: number;
  recordKeys: string[];
}

/**
 * What the sidebar's own use of a client adds to its synced data: the validator of the endpoint's
 * context answer, when it was last confirmed that way, and when the user last looked at it. Only
 * clients someone opened have one (a few hundred, against a book of tens of thousands).
 */
export interface ClientView {
  clientId: string;
  /** Validator for the next conditional request; ignored once the book has newer data for the client. */
  etag: string | null;
  /** When the endpoint last confirmed this client's context (ms since epoch). */
  fetchedAt: number;
  /** For least-recently-viewed eviction. */
  lastViewedAt: number;
}

/** A client's assembled context as read from the cache. */
export interface CachedContext {
  clientId: string;
  context: ClientContext;
  etag: string | null;
  fetchedAt: number;
  lastViewedAt: number;
}

/** PMS record → firm clients, as the endpoint answered (and which one the user picked, if several). */
export interface CachedResolution {
  refKey: string;
  matches: ClientSummary[];
  chosenClientId: string | null;
  /** 0 when the endpoint has not confirmed it (a pick among synced matches made offline). */
  resolvedAt: number;
  /** The ids of `matches`, for the `byClient` index: a client's mappings leave with it. */
  clientIds: string[];
}

/** A change of the feed that failed the contract: skipped, and kept here for firm IT (bounded). */
export interface QuarantinedChange {
  id?: number;
  at: number;
  /** The `since` cursor of the page it came in. */
  cursor: string;
  reason: string;
  /** The change as received, as JSON, clipped. */
  change: string;
}

/** A write waiting for, or refused by, the endpoint. `id` is its idempotency key. */
export interface OutboxRow extends OutboxItemView {
  /** Order of creation: items for one client are sent in this order. */
  seq: number;
  nextAttemptAt: number;
  /** Why the last attempt is being retried: the endpoint was unreachable, or it answered 5xx/429/409. */
  retryKind?: 'unreachable' | 'server';
  /** The endpoint's Retry-After: never sooner than this, whatever else happens (ms since epoch). */
  notBefore?: number;
  doneAt?: number;
}

export interface LensDbSchema extends DBSchema {
  /** The book: clients with their secondments and needs, packed many to a row (see book-chunk.ts). */
  book: { key: number; value: BookChunk; indexes: { byClient: string; byRecord: string; byWrittenAt: number } };
  views: { key: string; value: ClientView; indexes: { byLastViewed: number } };
  flags: { key: string; value: CandidateFlag };
  resolutions: { key: string; value: CachedResolution; indexes: { byClient: string; byResolvedAt: number } };
  outbox: { key: string; value: OutboxRow; indexes: { bySeq: number; byClient: string } };
  meta: { key: string; value: unknown };
  quarantine: { key: number; value: QuarantinedChange };
  /** The pipeline page's projection of the book: a head (key 'head') and chunks keyed 0..n-1 (see projection.ts). */
  pipeline: { key: string | number; value: ProjectionHead | ProjectionChunk };
}

export type LensDb = IDBPDatabase<LensDbSchema>;
/** A transaction over any stores of the partition (the shape helpers that take the caller's transaction accept). */
export type LensTx<M extends IDBTransactionMode = IDBTransactionMode> = IDBPTransaction<LensDbSchema, ArrayLike<StoreNames<LensDbSchema>>, M>;

/** Opens a transaction typed as `LensTx`, whatever stores it spans (idb types a one-store transaction apart). */
export function lensTx<M extends 'readonly' | 'readwrite'>(db: LensDb, stores: readonly StoreNames<LensDbSchema>[], mode: M, options?: IDBTransactionOptions): LensTx<M> {
  return db.transaction([...new Set(stores)], mode, options) as unknown as LensTx<M>;
}
/** Every store holding a client's data: a purge or eviction goes through all of them together. */
export type ClientDataStore = 'book' | 'views' | 'flags' | 'meta';
export const CLIENT_DATA_STORES: ClientDataStore[] = ['book', 'views', 'flags', 'meta'];

/** Keys of the `meta` store, in one place so that no two modules pick the same one. */
export const META_KEYS = {
  outboxSeq: 'outboxSeq',
  practiceAreas: 'practiceAreas',
  syncCursor: 'sync.cursor',
  syncProgress: 'sync.progress',
  /** Every client's data is confirmed as of the start of the last completed book sync. */
  syncConfirmedAt: 'sync.confirmedAt',
  /** Failures in a row and the earliest next attempt: survives a worker restart (SyncRetry). */
  syncRetry: 'sync.retry',
  /** Changes asked for per page; adapts to the endpoint's byte cap. */
  syncPageSize: 'sync.pageSize',
  /** When the endpoint refused this user's token (401): the partition is locked until sign-in. */
  lockedAt: 'session.lockedAt',
  /** The ids of the clients whose record the book holds, sorted (see book-store.ts). */
  bookDirectory: 'book.directory',
  /** How many ids the directory lists, written with it: counting the book does not read the list. */
  bookDirectorySize: 'book.directorySize',
} as const;

/** Bump with a new step in `upgradeSteps`; never edit a past step. */
export const DB_VERSION = 5;

type UpgradeTx = IDBPTransaction<LensDbSchema, StoreNames<LensDbSchema>[], 'versionchange'>;
// Earlier versions' stores are not in today's schema type; the steps address them by name.
type AnyDb = IDBPDatabase<unknown>;
type AnyTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/**
 * Schema history. v1 kept each client's context as one document; v2 splits it into entity stores so
 * that book sync can apply a secondment or a need without the whole context, in any order; v3
 * indexes clients by their PMS records (the synced book reachable offline), resolutions by client
 * and age (evicted with their clients, bounded), clients by age (deleted past the firm's maximum),
 * and adds the quarantine of changes that failed the contract; v4 adds the pipeline page's
 * projection (empty: the background builds it after the next sync, the page reads the book itself
 * until then); v5 packs clients, secondments and needs many to a row (`book`, see book-chunk.ts: a
 * full sync of 75,000 entities was 75,000 requests) and keeps what the user's own viewing adds in
 * `views`.
 */
const upgradeSteps: ((db: AnyDb, tx: AnyTx) => Promise<void> | void)[] = [
  // v1
  (db) => {
    db.createObjectStore('contexts', { keyPath: 'clientId' }).createIndex('byLastViewed', 'lastViewedAt');
    db.createObjectStore('resolutions', { keyPath: 'refKey' });
    const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
    outbox.createIndex('bySeq', 'seq');
    outbox.createIndex('byClient', 'clientId');
    db.createObjectStore('meta');
  },
  // v2: entity stores; every v1 context is carried over, then the old store goes.
  async (db, tx) => {
    db.createObjectStore('clients', { keyPath: 'id' }).createIndex('byLastViewed', 'lastViewedAt');
    db.createObjectStore('secondments', { keyPath: 'id' }).createIndex('byClient', 'clientId');
    db.createObjectStore('needs', { keyPath: 'id' }).createIndex('byClient', 'clientId');
    db.createObjectStore('flags', { keyPath: 'clientId' });
    const old = (await tx.objectStore('contexts').getAll()) as CachedContext[];
    for (const row of old) {
      const { context } = row;
      await tx.objectStore('clients').put({ id: row.clientId, client: context.client, etag: row.etag, fetchedAt: row.fetchedAt, lastViewedAt: row.lastViewedAt } satisfies Omit<ClientRowV4, 'recordKeys'>); // v2's row shape
      for (const s of context.secondments) await tx.objectStore('secondments').put(s);
      for (const n of context.needs) await tx.objectStore('needs').put(n);
      if (context.candidateFlag) await tx.objectStore('flags').put(context.candidateFlag);
    }
    db.deleteObjectStore('contexts');
  },
  // v3: every client row gains its record keys, every resolution its client ids, then the indexes.
  async (db, tx) => {
    // Puts issued together, not awaited one by one: a synced book has tens of thousands of rows.
    const clients = tx.objectStore('clients');
    await Promise.all(((await clients.getAll()) as ClientRowV4[]).map((row) => clients.put({ ...row, recordKeys: recordIndexKeys(row.client) })));
    clients.createIndex('byRecord', 'recordKeys', { multiEntry: true });
    clients.createIndex('byFetchedAt', 'fetchedAt');
    const resolutions = tx.objectStore('resolutions');
    await Promise.all(((await resolutions.getAll()) as CachedResolution[]).map((row) => resolutions.put({ ...row, clientIds: row.matches.map((m) => m.id) })));
    resolutions.createIndex('byClient', 'clientIds', { multiEntry: true });
    resolutions.createIndex('byResolvedAt', 'resolvedAt');
    db.createObjectStore('quarantine', { keyPath: 'id', autoIncrement: true });
  },
  // v4: the pipeline projection, out-of-line keys.
  (db) => {
    db.createObjectStore('pipeline');
  },
  // v5: the entity stores packed into `book` chunks (each client's data in one part), viewing data into `views`.
  async (db, tx) => {
    const book = db.createObjectStore('book', { keyPath: 'seq', autoIncrement: true });
    book.createIndex('byClient', 'clientIds', { multiEntry: true });
    book.createIndex('byRecord', 'recordKeys', { multiEntry: true });
    book.createIndex('byWrittenAt', 'writtenAt');
    db.createObjectStore('views', { keyPath: 'clientId' }).createIndex('byLastViewed', 'lastViewedAt');
    const [rows, secondments, needs] = (await Promise.all(['clients', 'secondments', 'needs'].map((s) => tx.objectStore(s).getAll()))) as [ClientRowV4[], Secondment[], Need[]];
    const parts = partsOf({ clients: rows.map((r) => r.client), secondments, needs });
    const fetchedAt = new Map(rows.map((r) => [r.id, r.fetchedAt]));
    for (const chunk of packAged(parts.map((part) => ({ part, writtenAt: fetchedAt.get(part.clientId) ?? 0 })))) await tx.objectStore('book').add(chunk);
    for (const row of rows) {
      if (row.lastViewedAt > 0 || row.etag !== null) await tx.objectStore('views').put({ clientId: row.id, etag: row.etag, fetchedAt: row.fetchedAt, lastViewedAt: row.lastViewedAt } satisfies ClientView);
    }
    await tx.objectStore('meta').put(rows.map((r) => r.id).sort(), META_KEYS.bookDirectory);
    for (const name of ['clients', 'secondments', 'needs']) db.deleteObjectStore(name);
  },
];

/**
 * Opens one user's partition, upgrading step by step from whatever version is on disk (`version`
 * is for tests of the upgrade path). An open connection that blocks a newer version closes itself
 * (`blocking`), so an upgrade never waits on it; the next use reopens.
 */
export function openLensDb(partition: string, onClosed?: () => void, version = DB_VERSION): Promise<LensDb> {
  const opening = openDB<LensDbSchema>(partition, version, {
    async upgrade(db, oldVersion, newVersion, tx: UpgradeTx) {
      try {
        for (let v = oldVersion; v < (newVersion ?? version); v++) {
          await upgradeSteps[v]!(db as unknown as AnyDb, tx as unknown as AnyTx);
        }
      } catch {
        // idb ignores this callback's promise: abort, or a half-migrated database would commit.
        // Opening then fails (AbortError) and the database stays at its old version, untouched.
        tx.done.catch(() => undefined);
        tx.abort();
      }
    },
    blocking() {
      void opening.then((db) => db.close());
      onClosed?.();
    },
    terminated() {
      onClosed?.();
    },
  });
  return opening.then(countingWrites);
}

export async function deletePartition(partition: string): Promise<void> {
  await deleteDB(partition);
}
