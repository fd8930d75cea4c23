import type { Worker } from '@playwright/test';

export interface CacheSnapshot {
  databases: string[];
  counts: Record<string, number>;
  clientIds: string[];
}

/**
 * Reads the extension's IndexedDB from inside its service worker, without the extension's code:
 * what is really on disk for the signed-in user's partition (the only `lens-*` database).
 */
export async function readCache(worker: Worker): Promise<CacheSnapshot> {
  return worker.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('lens-'));
    const counts: Record<string, number> = {};
    let clientIds: string[] = [];
    if (names.length === 1) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(names[0]!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const stores = ['clients', 'secondments', 'needs', 'flags', 'outbox'].filter((s) => db.objectStoreNames.contains(s));
      const tx = db.transaction(stores, 'readonly');
      const ask = <T,>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of stores) counts[store] = await ask(tx.objectStore(store).count());
      clientIds = (await ask(tx.objectStore('clients').getAllKeys())).map(String);
      db.close();
    }
    return { databases: names, counts, clientIds };
  });
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
