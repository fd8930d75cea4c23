import type { IDBPTransaction, StoreNames } from 'idb';
import type { ClientContext } from '../contract/client-context';
import { dropFromProjection } from './projection-store';
import { CLIENT_DATA_STORES, type CachedContext, clientRow, type LensDb, type LensDbSchema, META_KEYS } from './lens-db';

/** Assembles one client's context from the entity stores, in one read transaction. */
export async function readContext(db: LensDb, clientId: string): Promise<CachedContext | undefined> {
  const tx = db.transaction([...CLIENT_DATA_STORES, 'meta'], 'readonly');
  const cached = await readContextIn(tx, clientId);
  await tx.done;
  return cached;
}

type ContextReadTx = IDBPTransaction<LensDbSchema, ArrayLike<StoreNames<LensDbSchema>>, 'readonly'>;

/** The same, inside a transaction the caller holds (it must include the client stores and `meta`). */
export async function readContextIn(tx: ContextReadTx, clientId: string): Promise<CachedContext | undefined> {
  const [row, secondments, needs, flag, confirmedAt] = await Promise.all([
    tx.objectStore('clients').get(clientId),
    tx.objectStore('secondments').index('byClient').getAll(clientId),
    tx.objectStore('needs').index('byClient').getAll(clientId),
    tx.objectStore('flags').get(clientId),
    tx.objectStore('meta').get(META_KEYS.syncConfirmedAt) as Promise<number | undefined>,
  ]);
  if (!row) return undefined;
  // A completed book sync confirms every client as of its start.
  const fetchedAt = Math.max(row.fetchedAt, confirmedAt ?? 0);
  const context: ClientContext = {
    client: row.client,
    secondments,
    needs,
    candidateFlag: flag ?? null,
    asOf: new Date(fetchedAt).toISOString(),
  };
  return { clientId, context, etag: row.etag, fetchedAt, lastViewedAt: row.lastViewedAt };
}

/** Replaces everything cached for the context's client with the endpoint's answer. */
export async function writeContext(db: LensDb, context: ClientContext, etag: string | null, now = Date.now()): Promise<CachedContext> {
  const clientId = context.client.id;
  const tx = db.transaction(CLIENT_DATA_STORES, 'readwrite');
  await deleteClientData(tx, clientId, { keepClientRow: true });
  await Promise.all([
    tx.objectStore('clients').put(clientRow(context.client, etag, now, now)),
    ...context.secondments.map((s) => tx.objectStore('secondments').put(s)),
    ...context.needs.map((n) => tx.objectStore('needs').put(n)),
    context.candidateFlag ? tx.objectStore('flags').put(context.candidateFlag) : tx.objectStore('flags').delete(clientId),
  ]);
  await tx.done;
  return { clientId, context, etag, fetchedAt: now, lastViewedAt: now };
}

/** A 304: the cached context is confirmed as current, and the user is looking at it. */
export async function touchContext(db: LensDb, clientId: string, now = Date.now()): Promise<CachedContext | undefined> {
  const tx = db.transaction('clients', 'readwrite');
  const row = await tx.store.get(clientId);
  if (row) await tx.store.put({ ...row, fetchedAt: now, lastViewedAt: now });
  await tx.done;
  return row ? readContext(db, clientId) : undefined;
}

/** Ethical wall, deletion or eviction: the client's data leaves this machine (the pipeline's projection too). */
export async function purgeClient(db: LensDb, clientId: string): Promise<void> {
  const tx = db.transaction([...CLIENT_DATA_STORES, 'resolutions', 'pipeline'], 'readwrite');
  await Promise.all([deleteClientEverywhere(tx, clientId), dropFromProjection(tx, [clientId])]);
  await tx.done;
}

type WriteTx = IDBPTransaction<LensDbSchema, ArrayLike<StoreNames<LensDbSchema>>, 'readwrite'>;

/**
 * Everything of one client, in the caller's transaction (client stores and `resolutions`): its row,
 * secondments, needs, flag, and the PMS records mapped to it (a record must not keep pointing at a
 * client that is gone). Every store goes together: nothing of an evicted client piles up.
 */
export async function deleteClientEverywhere(tx: WriteTx, clientId: string): Promise<void> {
  const resolutions = tx.objectStore('resolutions');
  const [refKeys] = await Promise.all([
    resolutions.index('byClient').getAllKeys(clientId),
    deleteClientData(tx, clientId, { keepClientRow: false }),
  ]);
  await Promise.all(refKeys.map((k) => resolutions.delete(k)));
}

/** Deletes a client's secondments, needs and flag (and its row, unless it is about to be replaced). */
export async function deleteClientData(tx: WriteTx, clientId: string, options: { keepClientRow: boolean }): Promise<void> {
  const secondments = tx.objectStore('secondments');
  const needs = tx.objectStore('needs');
  const [sKeys, nKeys] = await Promise.all([
    secondments.index('byClient').getAllKeys(clientId),
    needs.index('byClient').getAllKeys(clientId),
  ]);
  await Promise.all([
    ...sKeys.map((k) => secondments.delete(k)),
    ...nKeys.map((k) => needs.delete(k)),
    tx.objectStore('flags').delete(clientId),
    ...(options.keepClientRow ? [] : [tx.objectStore('clients').delete(clientId)]),
  ]);
}
