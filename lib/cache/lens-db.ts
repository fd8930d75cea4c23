import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from 'idb';
import type { ClientSummary } from '../contract/client';
import type { ClientContext } from '../contract/client-context';
import type { OutboxItemView } from '../messaging/outbox-item-view';

/** One client's context as last confirmed by the endpoint. */
export interface CachedContext {
  clientId: string;
  context: ClientContext;
  /** Validator for the next conditional request; null when the context was assembled by book sync. */
  etag: string | null;
  /** When the endpoint last confirmed this (ms since epoch). */
  fetchedAt: number;
  /** For least-recently-viewed eviction. */
  lastViewedAt: number;
}

/** PMS record → firm clients, as the endpoint answered (and which one the user picked, if several). */
export interface CachedResolution {
  refKey: string;
  matches: ClientSummary[];
  chosenClientId: string | null;
  resolvedAt: number;
}

/** A write waiting for, or refused by, the endpoint. `id` is its idempotency key. */
export interface OutboxRow extends OutboxItemView {
  /** Order of creation: items for one client are sent in this order. */
  seq: number;
  nextAttemptAt: number;
  doneAt?: number;
}

export interface LensDbSchema extends DBSchema {
  contexts: { key: string; value: CachedContext; indexes: { byLastViewed: number } };
  resolutions: { key: string; value: CachedResolution };
  outbox: { key: string; value: OutboxRow; indexes: { bySeq: number; byClient: string } };
  meta: { key: string; value: unknown };
}

export type LensDb = IDBPDatabase<LensDbSchema>;

/** Bump with a new step in `upgrade`; never edit a past step. */
export const DB_VERSION = 1;

/**
 * Opens one user's partition. Upgrades run step by step from whatever version is on disk. An open
 * connection that blocks a newer version closes itself (`blocking`), so an upgrade never waits on it;
 * the next use reopens.
 */
export function openLensDb(partition: string, onClosed?: () => void): Promise<LensDb> {
  const opening = openDB<LensDbSchema>(partition, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('contexts', { keyPath: 'clientId' }).createIndex('byLastViewed', 'lastViewedAt');
        db.createObjectStore('resolutions', { keyPath: 'refKey' });
        const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
        outbox.createIndex('bySeq', 'seq');
        outbox.createIndex('byClient', 'clientId');
        db.createObjectStore('meta');
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
