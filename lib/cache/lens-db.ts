import { type DBSchema, deleteDB, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { CandidateFlag } from '../contract/candidate-flag';
import type { Client, ClientSummary } from '../contract/client';
import type { ClientContext } from '../contract/client-context';
import type { Need } from '../contract/need';
import type { Secondment } from '../contract/secondment';
import type { OutboxItemView } from '../messaging/outbox-item-view';
import type { ProjectionChunk, ProjectionHead } from '../pipeline/projection';
import { recordIndexKeys } from './record-index';

/** One client as cached, with what the sidebar needs to judge and revalidate it. */
export interface ClientRow {
  id: string;
  client: Client;
  /** Validator for the next conditional request; null when the data came from book sync. */
  etag: string | null;
  /** When the endpoint last confirmed this client's data (ms since epoch). */
  fetchedAt: number;
  /** For least-recently-viewed eviction; 0 for a client synced but never opened. */
  lastViewedAt: number;
  /** Its PMS records as `clients.byRecord` index keys (see record-index.ts); kept in step with `client.externalIds`. */
  recordKeys: string[];
}

/** The one way to build a client row, so that its index keys always follow its PMS records. */
export function clientRow(client: Client, etag: string | null, fetchedAt: number, lastViewedAt: number): ClientRow {
  return { id: client.id, client, etag, fetchedAt, lastViewedAt, recordKeys: recordIndexKeys(client) };
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
  clients: { key: string; value: ClientRow; indexes: { byLastViewed: number; byFetchedAt: number; byRecord: string } };
  secondments: { key: string; value: Secondment; indexes: { byClient: string } };
  needs: { key: string; value: Need; indexes: { byClient: string } };
  flags: { key: string; value: CandidateFlag };
  resolutions: { key: string; value: CachedResolution; indexes: { byClient: string; byResolvedAt: number } };
  outbox: { key: string; value: OutboxRow; indexes: { bySeq: number; byClient: string } };
  meta: { key: string; value: unknown };
  quarantine: { key: number; value: QuarantinedChange };
  /** The pipeline page's projection of the book: a head (key 'head') and chunks keyed 0..n-1 (see projection.ts). */
  pipeline: { key: string | number; value: ProjectionHead | ProjectionChunk };
}

export type LensDb = IDBPDatabase<LensDbSchema>;
export type ClientDataStore = 'clients' | 'secondments' | 'needs' | 'flags';
export const CLIENT_DATA_STORES: ClientDataStore[] = ['clients', 'secondments', 'needs', 'flags'];

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
} as const;

/** Bump with a new step in `upgradeSteps`; never edit a past step. */
export const DB_VERSION = 4;

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
 * until then).
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
      await tx.objectStore('clients').put({ id: row.clientId, client: context.client, etag: row.etag, fetchedAt: row.fetchedAt, lastViewedAt: row.lastViewedAt } satisfies Omit<ClientRow, 'recordKeys'>); // v2's row shape
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
    await Promise.all(((await clients.getAll()) as ClientRow[]).map((row) => clients.put(clientRow(row.client, row.etag, row.fetchedAt, row.lastViewedAt))));
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
  return opening;
}

export async function deletePartition(partition: string): Promise<void> {
  await deleteDB(partition);
}
