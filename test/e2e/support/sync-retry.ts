import type { Worker } from '@playwright/test';

/**
 * Pushes the book sync's back-off `ms` into the future, as many failed runs in a row would, by
 * writing the partition's `sync.retry` straight into the worker's IndexedDB (not through the extension).
 */
export async function backOffSync(worker: Worker, ms: number, retryAfterMs = 0): Promise<void> {
  await worker.evaluate(async ({ ms, retryAfterMs }) => {
    const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.startsWith('lens-'))!;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('meta', 'readwrite');
    tx.objectStore('meta').put({ failures: 9, notBefore: Date.now() + ms, retryAfterUntil: retryAfterMs ? Date.now() + retryAfterMs : 0 }, 'sync.retry');
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
  }, { ms, retryAfterMs });
}
