import type { IDBPObjectStore, StoreNames } from 'idb';
import type { LensDb, LensDbSchema, QuarantinedChange } from './lens-db';

/** At most this many bad changes are kept; the oldest go first. */
export const QUARANTINE_MAX = 200;
/** Each kept as at most this much JSON: enough for firm IT to see what was wrong. */
export const QUARANTINE_CHANGE_MAX_CHARS = 4_000;

type QuarantineStore = IDBPObjectStore<LensDbSchema, ArrayLike<StoreNames<LensDbSchema>>, 'quarantine', 'readwrite'>;

/** Keeps `entries` in the caller's transaction (the one that moves the cursor past them), bounded. */
export async function quarantine(store: QuarantineStore, entries: readonly QuarantinedChange[]): Promise<void> {
  if (entries.length === 0) return;
  await Promise.all(entries.map((entry) => store.add(entry)));
  const excess = (await store.count()) - QUARANTINE_MAX;
  if (excess > 0) {
    // Keys grow (autoIncrement): the first keys are the oldest entries.
    const oldest = await store.getAllKeys(null, excess);
    await Promise.all(oldest.map((k) => store.delete(k)));
  }
}

export function countQuarantined(db: LensDb): Promise<number> {
  return db.count('quarantine');
}

/** Newest first, for firm IT. */
export async function listQuarantined(db: LensDb): Promise<QuarantinedChange[]> {
  return (await db.getAll('quarantine')).reverse();
}

/** The change as JSON, clipped: a hostile or huge entry is not kept whole. */
export function describeChange(raw: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(raw) ?? String(raw);
  } catch {
    text = String(raw);
  }
  return text.length <= QUARANTINE_CHANGE_MAX_CHARS ? text : `${text.slice(0, QUARANTINE_CHANGE_MAX_CHARS - 1)}…`;
}
