import type { Worker } from '@playwright/test';

/**
 * Forces, in the running worker, the interleaving a worker start makes likely for a fresh tab:
 * the frame's port connects first, and the page's record report lands while the worker still reads
 * the tab's stored record (storage.session) for that frame. Storage.local answers wait until that
 * read went out (so the content script's `cs.getRules`, hence its report, comes after the frame
 * asked); the read's answer is taken at once but handed over only after the worker stored a record
 * (setRecord writes it before it starts the look-up). Each hold gives up after 5 s.
 */
export async function holdWorkerStorage(worker: Worker): Promise<{ readAnsweredAfterReport(): Promise<boolean> }> {
  await worker.evaluate(() => {
    type Area = { get(...args: unknown[]): Promise<unknown>; set(items: Record<string, unknown>): Promise<void> };
    const g = globalThis as unknown as { chrome: { storage: { session: Area; local: Area } }; lensHold?: { reportedAt: number; readAnsweredAt: number } };
    const { session, local } = g.chrome.storage;
    const [readSession, writeSession, readLocal] = [session.get.bind(session), session.set.bind(session), local.get.bind(local)];
    const latch = () => {
      let open!: () => void;
      const opened = Promise.race([new Promise<void>((resolve) => (open = resolve)), new Promise<void>((resolve) => setTimeout(resolve, 5_000))]);
      return { open, opened };
    };
    const frameAsked = latch();
    const recordStored = latch();
    const seen = (g.lensHold = { reportedAt: 0, readAnsweredAt: 0 });
    session.get = (...args) => {
      const answer = readSession(...args);
      frameAsked.open();
      return recordStored.opened.then(() => answer).then((value) => ((seen.readAnsweredAt = performance.now()), value));
    };
    session.set = (items) => {
      // A record, not the `null` a closing tab's pagehide stores.
      if (Object.values(items).some((value) => value !== null)) {
        seen.reportedAt ||= performance.now();
        recordStored.open();
      }
      return writeSession(items);
    };
    local.get = (...args) => frameAsked.opened.then(() => readLocal(...args));
  });
  return {
    readAnsweredAfterReport: () => worker.evaluate(() => {
      const seen = (globalThis as unknown as { lensHold: { reportedAt: number; readAnsweredAt: number } }).lensHold;
      return seen.reportedAt > 0 && seen.readAnsweredAt > seen.reportedAt;
    }),
  };
}
