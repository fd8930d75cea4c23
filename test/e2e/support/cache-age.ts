import type { Worker } from '@playwright/test';

/**
 * Makes everything cached for `clientId` look `hours` old: the client row's times and the last
 * book sync's confirmation (written straight into the worker's IndexedDB, not through the extension).
 */
export async function ageCachedClient(worker: Worker, clientId: string, hours: number): Promise<void> {
  await worker.evaluate(async ({ id, ms }) => {
    const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.startsWith('lens-'))!;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['clients', 'meta'], 'readwrite');
    const clients = tx.objectStore('clients');
    const get = clients.get(id);
    get.onsuccess = () => clients.put({ ...get.result, fetchedAt: Date.now() - ms, lastViewedAt: Date.now() - ms });
    tx.objectStore('meta').put(Date.now() - ms, 'sync.confirmedAt');
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
  }, { id: clientId, ms: hours * 3_600_000 });
}
