import type { CDPSession } from '@playwright/test';
import type { RunningServer } from '../server/start-server';
import { launchSignedIn } from './signed-in-browser';
import { distribution } from './stats';
import { syncUntilDone } from './sync-timings';

const PLAYWRIGHT = 'playwright-chromium';
type HeapUsage = { usedSize: number; totalSize: number; embedderHeapUsedSize: number; backingStorageSize: number };

/**
 * The extension's service worker's JavaScript heap after a full sync of the large book, each run in
 * a fresh profile: CDP `HeapProfiler.collectGarbage` then `Runtime.getHeapUsage` on the worker's own
 * target (Playwright has no CDP session for a worker, so a page's session attaches to it). Workers
 * have no `performance.measureUserAgentSpecificMemory`, so this needs DevTools: Playwright harness.
 * The heap before the GC is kept too (what the sync left as garbage).
 */
export async function measureWorkerMemory(server: RunningServer, runs: number) {
  const afterGc: HeapUsage[] = [];
  const beforeGc: HeapUsage[] = [];
  for (let run = 0; run < runs; run++) {
    const { browser, options } = await launchSignedIn(server.url); // starts the full sync
    try {
      await syncUntilDone(options);
      const worker = await attachToWorker(await browser.context.newCDPSession(options), browser.worker.url());
      beforeGc.push(await worker.send('Runtime.getHeapUsage') as HeapUsage);
      await worker.send('HeapProfiler.collectGarbage');
      afterGc.push(await worker.send('Runtime.getHeapUsage') as HeapUsage);
    } finally {
      await browser.context.close();
    }
  }
  const mb = (of: HeapUsage[], pick: (h: HeapUsage) => number) => distribution(of.map((h) => pick(h) / 2 ** 20));
  return {
    heapUsedMB: mb(afterGc, (h) => h.usedSize), heapTotalMB: mb(afterGc, (h) => h.totalSize), embedderHeapMB: mb(afterGc, (h) => h.embedderHeapUsedSize),
    afterGarbageCollection: true, beforeGarbageCollection: { heapUsedMB: mb(beforeGc, (h) => h.usedSize), heapTotalMB: mb(beforeGc, (h) => h.totalSize) }, harness: PLAYWRIGHT,
  };
}

/** A CDP channel to the extension's service worker (`url`), through a page's session (non-flat attach). */
async function attachToWorker(cdp: CDPSession, url: string) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url === url);
  if (!target) throw new Error(`no service worker target at ${url}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 0;
  const answers = new Map<number, (value: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
    if (message.id !== undefined) answers.get(message.id)?.(message.result ?? message.error);
  });
  return {
    send: (method: string, params: object = {}) => new Promise<unknown>((resolve) => {
      const id = ++nextId;
      answers.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    }),
  };
}
