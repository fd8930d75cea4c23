import type { ClientContext } from '../contract/client-context';
import { chunkOf, partOf } from './book-chunk';
import { readFolded, removeFromBook, updateDirectory } from './book-store';
import { dropFromProjection } from './projection-store';
import { CLIENT_DATA_STORES, type CachedContext, type LensDb, lensTx, type LensTx, META_KEYS } from './lens-db';
import { writingOnlyClient } from './write-generations';

/** Assembles one client's context from the book, in one read transaction. */
export async function readContext(db: LensDb, clientId: string): Promise<CachedContext | undefined> {
  const tx = lensTx(db, CLIENT_DATA_STORES, 'readonly');
  const cached = await readContextIn(tx, clientId);
  await tx.done;
  return cached;
}

type ContextReadTx = LensTx;

/** The same, inside a transaction the caller holds (it must include `book`, `views`, `flags` and `meta`). */
export async function readContextIn(tx: ContextReadTx, clientId: string): Promise<CachedContext | undefined> {
  const [folded, view, flag, confirmedAt] = await Promise.all([
    readFolded(tx, clientId),
    tx.objectStore('views').get(clientId),
    tx.objectStore('flags').get(clientId),
    tx.objectStore('meta').get(META_KEYS.syncConfirmedAt) as Promise<number | undefined>,
  ]);
  if (!folded.client) return undefined;
  // A completed book sync confirms every client as of its start; otherwise its record's age counts.
  const fetchedAt = Math.max(folded.recordWrittenAt, view?.fetchedAt ?? 0, confirmedAt ?? 0);
  const context: ClientContext = {
    client: folded.client,
    secondments: folded.secondments,
    needs: folded.needs,
    candidateFlag: flag ?? null,
    asOf: new Date(fetchedAt).toISOString(),
  };
  // The endpoint's validator describes what it answered then: once a sync wrote newer data for the
  // client, a conditional request would confirm data the cache no longer holds as it was.
  const etag = view && view.fetchedAt >= folded.writtenAt ? view.etag : null;
  return { clientId, context, etag, fetchedAt, lastViewedAt: view?.lastViewedAt ?? 0 };
}

/** Replaces everything cached for the context's client with the endpoint's answer (one fresh chunk). */
export async function writeContext(db: LensDb, context: ClientContext, etag: string | null, now = Date.now()): Promise<CachedContext> {
  const clientId = context.client.id;
  const tx = lensTx(db, CLIENT_DATA_STORES, 'readwrite');
  await removeFromBook(tx, [clientId]);
  await Promise.all([
    tx.objectStore('book').add(chunkOf([partOf({ clientId, client: context.client, secondments: context.secondments, needs: context.needs })], now)),
    tx.objectStore('views').put({ clientId, etag, fetchedAt: now, lastViewedAt: now }),
    context.candidateFlag ? tx.objectStore('flags').put(context.candidateFlag) : tx.objectStore('flags').delete(clientId),
    updateDirectory(tx, [clientId], []),
  ]);
  await tx.done;
  return { clientId, context, etag, fetchedAt: now, lastViewedAt: now };
}

/** A 304: the cached context is confirmed as current, and the user is looking at it. */
export async function touchContext(db: LensDb, clientId: string, now = Date.now()): Promise<CachedContext | undefined> {
  // Writes this client's viewing row only: first looks kept for other clients stay current.
  const tx = writingOnlyClient(clientId, () => lensTx(db, CLIENT_DATA_STORES, 'readwrite'));
  const cached = await readContextIn(tx, clientId);
  if (cached) await tx.objectStore('views').put({ clientId, etag: cached.etag, fetchedAt: now, lastViewedAt: now });
  await tx.done;
  return cached ? { ...cached, fetchedAt: now, lastViewedAt: now, context: { ...cached.context, asOf: new Date(Math.max(now, cached.fetchedAt)).toISOString() } } : undefined;
}

/** Ethical wall, deletion or eviction: the client's data leaves this machine (the pipeline's projection too). */
export async function purgeClient(db: LensDb, clientId: string): Promise<void> {
  const tx = lensTx(db, [...CLIENT_DATA_STORES, 'resolutions', 'pipeline'], 'readwrite');
  await Promise.all([deleteClientsEverywhere(tx, [clientId]), dropFromProjection(tx, [clientId])]);
  await tx.done;
}

type WriteTx = LensTx<'readwrite'>;

/**
 * Everything of some clients, in the caller's transaction (the client data stores and
 * `resolutions`): their parts in the book, viewing data, flags, and the PMS records mapped to them
 * (a record must not keep pointing at a client that is gone). Every store goes together: nothing
 * of an evicted client piles up.
 */
export async function deleteClientsEverywhere(tx: WriteTx, clientIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(clientIds)];
  if (ids.length === 0) return;
  const resolutions = tx.objectStore('resolutions');
  const [refKeys] = await Promise.all([
    Promise.all(ids.map((id) => resolutions.index('byClient').getAllKeys(id))),
    removeFromBook(tx, ids),
    updateDirectory(tx, [], ids),
    ...ids.flatMap((id) => [tx.objectStore('views').delete(id), tx.objectStore('flags').delete(id)]),
  ]);
  await Promise.all([...new Set(refKeys.flat())].map((k) => resolutions.delete(k)));
}
