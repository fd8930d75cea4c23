import type { ClientSummary } from '../contract/client';
import type { ExternalRecord } from '../contract/pms';
import { readFoldedMany } from './book-store';
import { type CachedResolution, type LensDb, lensTx, type LensTx } from './lens-db';
import { mappingMatches, recordIndexKeys, recordKey } from './record-index';

/** At most this many PMS records are remembered; the least recently resolved go first. */
export const RESOLUTIONS_MAX = 10_000;
/** As many matches as the endpoint's `/v1/resolve` answers with. */
const MATCHES_MAX = 50;
/** Chunks read for one record before the checks (a bound, far above any real firm's). */
const ROWS_PER_RECORD_MAX = 500;

/** One key per PMS record: system, kind, tenant and id. */
export function refKey(record: ExternalRecord): string {
  return [record.system, record.kind, record.tenant ?? '', record.externalId].join('|');
}

/**
 * The endpoint's answer for this record if one is cached, else the synced book's clients that list
 * it among their PMS records (unconfirmed: `resolvedAt` 0, so the endpoint is asked when online).
 */
export async function readResolution(db: LensDb, record: ExternalRecord): Promise<CachedResolution | undefined> {
  const tx = lensTx(db, ['resolutions', 'book'], 'readonly');
  const row = (await tx.objectStore('resolutions').get(refKey(record))) ?? (await resolveFromBook(tx, record));
  await tx.done;
  return row;
}

/**
 * The synced clients mapped to `record`, found through the book's `byRecord` index (one `getAll`,
 * never a scan), each checked on its current record (a chunk may hold an older one; the tenant is
 * checked here too), ordered as the endpoint orders its matches. Undefined when none.
 */
export async function resolveFromBook(tx: LensTx, record: ExternalRecord): Promise<CachedResolution | undefined> {
  const key = recordKey(record);
  const candidates = new Set<string>();
  for (const chunk of await tx.objectStore('book').index('byRecord').getAll(key, ROWS_PER_RECORD_MAX)) {
    for (const part of chunk.parts) if (part.client && recordIndexKeys(part.client).includes(key)) candidates.add(part.clientId);
  }
  const found: ClientSummary[] = [];
  for (const { client } of await readFoldedMany(tx, [...candidates])) {
    if (client?.externalIds.some((m) => mappingMatches(m, record))) found.push({ id: client.id, name: client.name, industry: client.industry });
  }
  if (found.length === 0) return undefined;
  const matches = found.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1)).slice(0, MATCHES_MAX);
  return { refKey: refKey(record), matches, chosenClientId: null, resolvedAt: 0, clientIds: matches.map((m) => m.id) };
}

/** Stores the endpoint's answer, keeping the user's earlier pick if it is still among the matches. */
export async function writeResolution(db: LensDb, record: ExternalRecord, matches: ClientSummary[], now = Date.now(), max = RESOLUTIONS_MAX): Promise<CachedResolution> {
  const key = refKey(record);
  const tx = db.transaction('resolutions', 'readwrite');
  const previous = await tx.store.get(key);
  const chosen = previous?.chosenClientId && matches.some((m) => m.id === previous.chosenClientId) ? previous.chosenClientId : null;
  const row: CachedResolution = { refKey: key, matches, chosenClientId: chosen, resolvedAt: now, clientIds: matches.map((m) => m.id) };
  await tx.store.put(row);
  // Bounded: a page that makes up record after record cannot grow this store without end.
  const excess = (await tx.store.count()) - max;
  if (excess > 0) {
    const oldest = await tx.store.index('byResolvedAt').getAllKeys(null, excess);
    await Promise.all(oldest.map((k) => tx.store.delete(k)));
  }
  await tx.done;
  return row;
}

/**
 * The user's pick among the matches. A pick among synced matches (no endpoint answer cached) is
 * kept unconfirmed (`resolvedAt` 0): the endpoint's answer still wins when it is reachable.
 */
export async function chooseClient(db: LensDb, record: ExternalRecord, client: ClientSummary, now = Date.now()): Promise<void> {
  const key = refKey(record);
  const tx = lensTx(db, ['resolutions', 'book'], 'readwrite');
  const store = tx.objectStore('resolutions');
  const previous = (await store.get(key)) ?? (await resolveFromBook(tx, record));
  const matches = previous?.matches.some((m) => m.id === client.id) ? previous.matches : [...(previous?.matches ?? []), client];
  await store.put({ refKey: key, matches, chosenClientId: client.id, resolvedAt: previous?.resolvedAt ?? now, clientIds: matches.map((m) => m.id) });
  await tx.done;
}

/** The client this record stands for, when it is settled: one match, or the user's pick. */
export function settledClientId(resolution: CachedResolution): string | null {
  if (resolution.chosenClientId) return resolution.chosenClientId;
  return resolution.matches.length === 1 ? resolution.matches[0]!.id : null;
}
