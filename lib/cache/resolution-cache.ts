import type { ClientSummary } from '../contract/client';
import type { ExternalRecord } from '../contract/pms';
import type { CachedResolution, LensDb } from './lens-db';

/** One key per PMS record: system, kind, tenant and id. */
export function refKey(record: ExternalRecord): string {
  return [record.system, record.kind, record.tenant ?? '', record.externalId].join('|');
}

export async function readResolution(db: LensDb, record: ExternalRecord): Promise<CachedResolution | undefined> {
  return db.get('resolutions', refKey(record));
}

/** Stores the endpoint's answer, keeping the user's earlier pick if it is still among the matches. */
export async function writeResolution(db: LensDb, record: ExternalRecord, matches: ClientSummary[], now = Date.now()): Promise<CachedResolution> {
  const key = refKey(record);
  const tx = db.transaction('resolutions', 'readwrite');
  const previous = await tx.store.get(key);
  const chosen = previous?.chosenClientId && matches.some((m) => m.id === previous.chosenClientId) ? previous.chosenClientId : null;
  const row: CachedResolution = { refKey: key, matches, chosenClientId: chosen, resolvedAt: now };
  await tx.store.put(row);
  await tx.done;
  return row;
}

export async function chooseClient(db: LensDb, record: ExternalRecord, client: ClientSummary, now = Date.now()): Promise<void> {
  const key = refKey(record);
  const tx = db.transaction('resolutions', 'readwrite');
  const previous = await tx.store.get(key);
  const matches = previous?.matches.some((m) => m.id === client.id) ? previous.matches : [...(previous?.matches ?? []), client];
  await tx.store.put({ refKey: key, matches, chosenClientId: client.id, resolvedAt: previous?.resolvedAt ?? now });
  await tx.done;
}

/** The client this record stands for, when it is settled: one match, or the user's pick. */
export function settledClientId(resolution: CachedResolution): string | null {
  if (resolution.chosenClientId) return resolution.chosenClientId;
  return resolution.matches.length === 1 ? resolution.matches[0]!.id : null;
}
