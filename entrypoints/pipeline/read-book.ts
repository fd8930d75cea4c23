import { type IDBPDatabase, openDB } from 'idb';
import { type LensDbSchema, META_KEYS } from '@/lib/cache/lens-db';
import { type BookSource, PAGE_READ_STORES, readProjectedBook } from '@/lib/cache/projection-reader';
import { askBackground } from '@/lib/messaging/background-client';
import { PipelineSource } from '@/lib/messaging/pipeline-source';
import type { ProjectedBook } from '@/lib/pipeline/projection';

export type BookRead =
  | { state: 'ready'; book: ProjectedBook; source: BookSource; user: { name: string; role: string }; syncedAt: number | null }
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
 * background's projection of the book and the entity stores gives one consistent book (see
 * projection-reader.ts); if the background needs the database for an
 * upgrade, this connection closes at once (`blocking`).
 */
export async function readBook(): Promise<BookRead> {
  const asked = await askSource();
  if (asked.state !== 'ready') return asked;
  let db: IDBPDatabase<LensDbSchema>;
  try {
    const opening: Promise<IDBPDatabase<LensDbSchema>> = openDB<LensDbSchema>(asked.partition, undefined, {
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
    const names = [...PAGE_READ_STORES, 'meta'] as const;
    if (!names.every((n) => db.objectStoreNames.contains(n))) return { state: 'error', message: 'The book is not on this computer yet.' };
    const tx = db.transaction(names, 'readonly');
    const [{ book, source }, syncedAt] = await Promise.all([
      readProjectedBook(tx),
      tx.objectStore('meta').get(META_KEYS.syncConfirmedAt),
    ]);
    return { state: 'ready', book, source, user: asked.user, syncedAt: typeof syncedAt === 'number' ? syncedAt : null };
  } finally {
    db.close();
  }
}
