import type { OutboxPayload } from '../messaging/outbox-item-view';
import { type LensDb, META_KEYS, type OutboxRow } from './lens-db';

const SEQ_KEY = META_KEYS.outboxSeq;

/**
 * An outbox row with the flusher's bookkeeping. Kept in the same rows (the schema has no other
 * place, and needs none): counters for the retry budgets.
 */
export interface OutboxEntry extends OutboxRow {
  /** 5xx/408 answers in a row (a permanent server failure ends in the dead letters). */
  serverFailures?: number;
  /** 409 "still processing this key" answers. */
  inProgressAnswers?: number;
}

/**
 * Commits a new write with its idempotency key before anything is sent: from here on it survives
 * the worker being stopped and the browser restarting. A flag change made while an earlier one of
 * the same client is still queued is marked to follow it: it is sent with the version the earlier
 * one produces, not the one on screen (which the earlier one is about to replace).
 */
export async function enqueueWrite(db: LensDb, clientId: string, payload: OutboxPayload, now = Date.now()): Promise<OutboxRow> {
  const tx = db.transaction(['outbox', 'meta'], 'readwrite');
  const seq = (((await tx.objectStore('meta').get(SEQ_KEY)) as number | undefined) ?? 0) + 1;
  await tx.objectStore('meta').put(seq, SEQ_KEY);
  const earlier = await tx.objectStore('outbox').index('byClient').getAll(clientId);
  const follows = isFlagPayload(payload) && earlier.some((r) => isFlagWrite(r) && (r.state === 'pending' || r.state === 'needs-sign-in'));
  const row: OutboxEntry = {
    id: crypto.randomUUID(),
    clientId,
    payload: follows && (payload.kind === 'flag-set' || payload.kind === 'flag-clear') ? { ...payload, followsQueued: true } : payload,
    createdAt: new Date(now).toISOString(),
    state: 'pending',
    attempts: 0,
    seq,
    nextAttemptAt: now,
  };
  await tx.objectStore('outbox').add(row);
  await tx.done;
  return row;
}

/** Every item in creation order. */
export async function listOutbox(db: LensDb): Promise<OutboxEntry[]> {
  return db.getAllFromIndex('outbox', 'bySeq');
}

export async function listOutboxForClient(db: LensDb, clientId: string): Promise<OutboxRow[]> {
  const rows = await db.getAllFromIndex('outbox', 'byClient', clientId);
  return rows.sort((a, b) => a.seq - b.seq);
}

export async function readOutboxItem(db: LensDb, id: string): Promise<OutboxEntry | undefined> {
  return db.get('outbox', id);
}

/** Applies a change to one item if it is still there (it may have been discarded meanwhile). */
export async function updateOutboxItem(db: LensDb, id: string, change: (row: OutboxEntry) => OutboxEntry): Promise<OutboxEntry | undefined> {
  const tx = db.transaction('outbox', 'readwrite');
  const row = await tx.store.get(id);
  const next = row && change(row);
  if (next) await tx.store.put(next);
  await tx.done;
  return next;
}

/**
 * A flag write was delivered and the flag is now at `version` (null: cleared): the next flag write
 * of the client that was queued behind it is sent with that version.
 */
export async function passFlagVersion(db: LensDb, delivered: OutboxRow, version: string | null): Promise<void> {
  const tx = db.transaction('outbox', 'readwrite');
  const rows = (await tx.store.index('byClient').getAll(delivered.clientId)).sort((a, b) => a.seq - b.seq);
  const next = rows.find((r) => r.seq > delivered.seq && isFlagWrite(r) && (r.state === 'pending' || r.state === 'needs-sign-in'));
  if (next && (next.payload.kind === 'flag-set' || next.payload.kind === 'flag-clear') && next.payload.followsQueued) {
    await tx.store.put({ ...next, payload: { ...next.payload, seenVersion: version } });
  }
  await tx.done;
}

export async function discardOutboxItem(db: LensDb, id: string): Promise<void> {
  await db.delete('outbox', id);
}

/**
 * "Apply mine again" on a flag change that found the flag changed meanwhile: the same change as a
 * new write (a new idempotency key) against the version shown to them in the conflict. The new write
 * is committed before the parked one goes: interrupted, both are shown, never neither.
 */
export async function reapplyConflict(db: LensDb, id: string, now = Date.now()): Promise<OutboxRow | 'nothing-to-do' | undefined> {
  const row = await readOutboxItem(db, id);
  if (!row || row.state !== 'conflict' || !(row.payload.kind === 'flag-set' || row.payload.kind === 'flag-clear')) return undefined;
  const seenVersion = row.currentFlag === undefined ? (await db.get('flags', row.clientId))?.version ?? null : row.currentFlag?.version ?? null;
  if (row.payload.kind === 'flag-clear' && row.currentFlag === null) {
    await discardOutboxItem(db, id); // someone else cleared it already: mine is done
    return 'nothing-to-do';
  }
  const { followsQueued: _follows, ...payload } = row.payload;
  const again = await enqueueWrite(db, row.clientId, { ...payload, seenVersion }, now);
  await discardOutboxItem(db, id);
  return again;
}

/** After signing in again: items held for a refused token are sent again. */
export async function releaseSignInHolds(db: LensDb, now = Date.now()): Promise<void> {
  if (!(await anyOutboxRow(db, (row) => row.state === 'needs-sign-in'))) return;
  const tx = db.transaction('outbox', 'readwrite');
  let cursor = await tx.store.openCursor();
  while (cursor) {
    if (cursor.value.state === 'needs-sign-in') await cursor.update({ ...cursor.value, state: 'pending', nextAttemptAt: now });
    cursor = await cursor.continue();
  }
  await tx.done;
}

/** Delivered items are shown with their receipt for a day, then forgotten. */
export async function pruneDelivered(db: LensDb, olderThanMs: number, now = Date.now()): Promise<void> {
  const expired = (row: OutboxEntry) => row.state === 'done' && (row.doneAt ?? 0) < now - olderThanMs;
  if (!(await anyOutboxRow(db, expired))) return;
  const tx = db.transaction('outbox', 'readwrite');
  let cursor = await tx.store.openCursor();
  while (cursor) {
    if (expired(cursor.value)) await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
}

/**
 * Whether any row would change, read first: both run after every look-up the endpoint answered,
 * and a readwrite transaction for nothing is IndexedDB work on the switch path's heels that also
 * voids every first look kept in memory (write-generations.ts).
 */
async function anyOutboxRow(db: LensDb, matches: (row: OutboxEntry) => boolean): Promise<boolean> {
  return ((await db.getAll('outbox')) as OutboxEntry[]).some(matches);
}

function isFlagWrite(row: OutboxRow): boolean {
  return isFlagPayload(row.payload);
}

function isFlagPayload(payload: OutboxPayload): boolean {
  return payload.kind === 'flag-set' || payload.kind === 'flag-clear';
}
