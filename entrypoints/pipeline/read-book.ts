import { type IDBPDatabase, openDB } from 'idb';
import { CLIENT_DATA_STORES, type ClientRow, type LensDbSchema, META_KEYS } from '@/lib/cache/lens-db';
import { PipelineSource } from '@/lib/messaging/pipeline-source';
import { askBackground } from '@/lib/messaging/background-client';
import type { PipelineBook } from '@/lib/pipeline/book';

export type BookRead =
  | { state: 'ready'; book: PipelineBook; user: { name: string; role: string }; syncedAt: number | null }
  | { state: 'signed-out'; reason: string }
  | { state: 'error'; message: string };

/** Asks the background which partition is the signed-in user's; the answer is validated (fail closed). */
async function askSource(): Promise<PipelineSource | { state: 'error'; message: string }> {
  const answer = await askBackground({ type: 'ui.pipelineSource' }, PipelineSource);
  return answer.ok ? answer.value : { state: 'error', message: answer.error.message };
}

/**
 * Reads the synced book from the user's partition: the background owns the database (schema,
 * upgrades, sign-out), this page only reads. It opens without a version, so a newer schema added
 * meanwhile is read as it is and never upgraded from here; if the database is missing (signed out a
 * moment ago) the open is aborted, which leaves nothing behind. One read-only transaction over the
 * four entity stores gives one consistent book; if the background needs the database for an
 * upgrade, this connection closes at once (`blocking`).
 */
export async function readBook(): Promise<BookRead> {
  const source = await askSource();
  if (source.state !== 'ready') return source;
  let db: IDBPDatabase<LensDbSchema>;
  try {
    const opening: Promise<IDBPDatabase<LensDbSchema>> = openDB<LensDbSchema>(source.partition, undefined, {
      upgrade(_db, _old, _new, tx) {
        tx.abort(); // only reached when the database does not exist: never create it here
      },
      blocking() {
        void opening.then((open) => open.close());
      },
    });
    db = await opening;
  } catch {
    return { state: 'error', message: 'The book is not on this computer yet.' };
  }
  try {
    const names = [...CLIENT_DATA_STORES, 'meta'] as const;
    if (!names.every((n) => db.objectStoreNames.contains(n))) return { state: 'error', message: 'The book is not on this computer yet.' };
    const tx = db.transaction(names, 'readonly');
    const [clients, secondments, needs, flags, syncedAt] = await Promise.all([
      tx.objectStore('clients').getAll() as Promise<ClientRow[]>,
      tx.objectStore('secondments').getAll(),
      tx.objectStore('needs').getAll(),
      tx.objectStore('flags').getAll(),
      tx.objectStore('meta').get(META_KEYS.syncConfirmedAt),
    ]);
    return {
      state: 'ready',
      book: { clients: clients.map((r) => r.client), secondments, needs, flags },
      user: source.user,
      syncedAt: typeof syncedAt === 'number' ? syncedAt : null,
    };
  } finally {
    db.close();
  }
}
