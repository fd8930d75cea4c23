import type { OutboxPayload } from '../messaging/outbox-item-view';
import { type LensDb, META_KEYS, type OutboxRow } from './lens-db';

const SEQ_KEY = META_KEYS.outboxSeq;

/**
 * Commits a new write with its idempotency key before anything is sent: from here on it survives
 * the worker being stopped and the browser restarting.
 */
export async function enqueueWrite(db: LensDb, clientId: string, payload: OutboxPayload, now = Date.now()): Promise<OutboxRow> {
  const tx = db.transaction(['outbox', 'meta'], 'readwrite');
  const seq = (((await tx.objectStore('meta').get(SEQ_KEY)) as number | undefined) ?? 0) + 1;
  await tx.objectStore('meta').put(seq, SEQ_KEY);
  const row: OutboxRow = {
    id: crypto.randomUUID(),
    clientId,
    payload,
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
export async function listOutbox(db: LensDb): Promise<OutboxRow[]> {
  return db.getAllFromIndex('outbox', 'bySeq');
}

export async function listOutboxForClient(db: LensDb, clientId: string): Promise<OutboxRow[]> {
  const rows = await db.getAllFromIndex('outbox', 'byClient', clientId);
  return rows.sort((a, b) => a.seq - b.seq);
}

/** Applies a change to one item if it is still there (it may have been discarded meanwhile). */
export async function updateOutboxItem(db: LensDb, id: string, change: (row: OutboxRow) => OutboxRow): Promise<OutboxRow | undefined> {
  const tx = db.transaction('outbox', 'readwrite');
  const row = await tx.store.get(id);
  const next = row && change(row);
  if (next) await tx.store.put(next);
  await tx.done;
  return next;
}

export async function discardOutboxItem(db: LensDb, id: string): Promise<void> {
  await db.delete('outbox', id);
}

/** After signing in again: items held for a refused token are sent again. */
export async function releaseSignInHolds(db: LensDb, now = Date.now()): Promise<void> {
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
  const tx = db.transaction('outbox', 'readwrite');
  let cursor = await tx.store.openCursor();
  while (cursor) {
    if (cursor.value.state === 'done' && (cursor.value.doneAt ?? 0) < now - olderThanMs) await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
}
