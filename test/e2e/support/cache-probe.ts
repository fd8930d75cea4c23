import type { Page, Worker } from '@playwright/test';

export interface CacheSnapshot {
  databases: string[];
  /** Entities as the book folds them (clients: those with a record), flags and queued writes. */
  counts: Record<string, number>;
  /** Every client the partition holds anything of: a record, a secondment, a need, a flag. */
  clientIds: string[];
}

/** Ids of the entities the book holds, folded in write order, and the secondments themselves. */
export interface BookEntities {
  cursor: string | undefined;
  ids: Record<'clients' | 'secondments' | 'needs', string[]>;
  secondments: Record<string, { checkIns?: { nextDue?: string } }>;
}

/**
 * Reads the signed-in user's partition (the only `lens-*` database) without the extension's code:
 * the `book` chunks folded here on their own terms (a later part wins; a part's deletions remove),
 * so that what a test checks is what is really on disk. One read transaction: the sync cursor and
 * the data as of the same instant. Runs in the worker, or in an extension page (which sends no
 * message, so a stopped worker stays stopped).
 */
export async function readBookEntities(target: Worker | Page): Promise<BookEntities | undefined> {
  return (target as Page).evaluate(async () => { // Worker's evaluate takes the same arguments
    const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.startsWith('lens-'));
    if (!name) return undefined;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const ask = <T,>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    if (!db.objectStoreNames.contains('book')) return (db.close(), undefined);
    const tx = db.transaction(['meta', 'book'], 'readonly');
    const cursor = (await ask(tx.objectStore('meta').get('sync.cursor'))) as string | undefined;
    type Part = { clientId: string; client?: { id: string }; secondments?: { id: string }[]; needs?: { id: string }[]; deletedSecondments?: string[]; deletedNeeds?: string[] };
    const chunks = (await ask(tx.objectStore('book').getAll())) as { parts: Part[] }[];
    db.close();
    const clients = new Set<string>();
    const secondments = new Map<string, unknown>();
    const needs = new Map<string, unknown>();
    for (const chunk of chunks) {
      for (const part of chunk.parts) {
        if (part.client) clients.add(part.clientId);
        for (const id of part.deletedSecondments ?? []) secondments.delete(id);
        for (const id of part.deletedNeeds ?? []) needs.delete(id);
        for (const s of part.secondments ?? []) secondments.set(s.id, s);
        for (const n of part.needs ?? []) needs.set(n.id, n);
      }
    }
    return {
      cursor,
      ids: { clients: [...clients], secondments: [...secondments.keys()], needs: [...needs.keys()] },
      secondments: Object.fromEntries(secondments) as Record<string, { checkIns?: { nextDue?: string } }>,
    };
  });
}

/**
 * What is really on disk for the signed-in user's partition, read without the extension's code:
 * counts of the folded book, flags and queued writes, and every client id anything is kept for
 * (any part of the book, a flag, a view, a mapped record).
 */
export async function readCache(worker: Worker): Promise<CacheSnapshot> {
  const [book, rest] = await Promise.all([readBookEntities(worker), worker.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('lens-'));
    const counts: Record<string, number> = {};
    const mentioned: string[] = [];
    if (names.length === 1) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(names[0]!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const ask = <T,>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const stores = ['book', 'views', 'flags', 'resolutions', 'outbox'].filter((s) => db.objectStoreNames.contains(s));
      const tx = db.transaction(stores, 'readonly');
      for (const store of ['flags', 'outbox'].filter((s) => stores.includes(s))) counts[store] = await ask(tx.objectStore(store).count());
      if (stores.includes('book')) for (const chunk of (await ask(tx.objectStore('book').getAll())) as { clientIds: string[] }[]) mentioned.push(...chunk.clientIds);
      for (const store of ['views', 'flags'].filter((s) => stores.includes(s))) mentioned.push(...(await ask(tx.objectStore(store).getAllKeys())).map(String));
      if (stores.includes('resolutions')) for (const r of (await ask(tx.objectStore('resolutions').getAll())) as { clientIds: string[] }[]) mentioned.push(...r.clientIds);
      db.close();
    }
    return { databases: names, counts, mentioned };
  })]);
  const counts = { ...rest.counts, clients: book?.ids.clients.length ?? 0, secondments: book?.ids.secondments.length ?? 0, needs: book?.ids.needs.length ?? 0 };
  return { databases: rest.databases, counts, clientIds: [...new Set(rest.mentioned)] };
}

/**
 * Everything in the pipeline page's projection (the `pipeline` store) of the signed-in user's
 * partition, as text, read without the extension's code: '' while there is none.
 */
export async function readProjectionText(worker: Worker): Promise<string> {
  return worker.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('lens-'));
    if (names.length !== 1) return '';
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(names[0]!);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    if (!db.objectStoreNames.contains('pipeline')) return (db.close(), '');
    const all = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction('pipeline', 'readonly').objectStore('pipeline').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return JSON.stringify(all, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v));
  });
}
