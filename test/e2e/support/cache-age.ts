import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from './browser';
import { stopServiceWorkers } from './service-worker';

/**
 * Makes everything cached for `clientId` look `hours` old: the book chunks holding it, its viewing
 * data, and the last book sync's confirmation, written straight into the worker's IndexedDB, not
 * through the extension. Then the worker is stopped, as hours would have: Chrome stops an idle
 * worker after ~30 s, and what it keeps in memory (first looks of records seen, which follow only
 * the extension's own writes) goes with it. `page` is any page of the browser (for DevTools).
 */
export async function ageCachedClient(browser: ExtensionBrowser, page: Page, clientId: string, hours: number): Promise<void> {
  await browser.worker.evaluate(async ({ id, ms }) => {
    const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.startsWith('lens-'))!;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const then = Date.now() - ms;
    const tx = db.transaction(['book', 'views', 'meta'], 'readwrite');
    const book = tx.objectStore('book');
    const chunks = book.index('byClient').getAll(id);
    chunks.onsuccess = () => { for (const chunk of chunks.result) book.put({ ...chunk, writtenAt: Math.min(chunk.writtenAt, then) }); };
    const views = tx.objectStore('views');
    const view = views.get(id);
    view.onsuccess = () => { if (view.result) views.put({ ...view.result, fetchedAt: then, lastViewedAt: then }); };
    tx.objectStore('meta').put(then, 'sync.confirmedAt');
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
  }, { id: clientId, ms: hours * 3_600_000 });
  await stopServiceWorkers(browser.context, page);
}
