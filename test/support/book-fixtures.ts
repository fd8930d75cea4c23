import { packParts, partsOf } from '@/lib/cache/book-chunk';
import { readWholeBook, updateDirectory } from '@/lib/cache/book-store';
import { type LensDb, lensTx } from '@/lib/cache/lens-db';
import type { Client } from '@/lib/contract/client';
import type { Need } from '@/lib/contract/need';
import type { Secondment } from '@/lib/contract/secondment';

/** Puts entities into the book as a sync page would (one part per client, packed), written at `writtenAt`. */
export async function seedBook(db: LensDb, entities: { clients?: Client[]; secondments?: Secondment[]; needs?: Need[] }, writtenAt = 1): Promise<void> {
  const tx = lensTx(db, ['book', 'meta'], 'readwrite');
  await Promise.all([
    ...packParts(partsOf(entities), writtenAt).map((chunk) => tx.objectStore('book').add(chunk)),
    updateDirectory(tx, (entities.clients ?? []).map((c) => c.id), []),
  ]);
  await tx.done;
}

/** The ids the book holds now, folded (clients: those with a record), sorted. */
export async function bookIds(db: LensDb): Promise<{ clients: string[]; secondments: string[]; needs: string[]; mentioned: string[] }> {
  const tx = lensTx(db, ['book'], 'readonly');
  const book = [...(await readWholeBook(tx)).values()];
  await tx.done;
  const sorted = (ids: string[]) => ids.sort();
  return {
    clients: sorted(book.flatMap((c) => (c.client ? [c.clientId] : []))),
    secondments: sorted(book.flatMap((c) => c.secondments.map((s) => s.id))),
    needs: sorted(book.flatMap((c) => c.needs.map((n) => n.id))),
    mentioned: sorted(book.map((c) => c.clientId)),
  };
}
