import type { Worker } from '@playwright/test';

/** The interleaving the hold makes, in the order it came about in the worker. */
export const HELD_ORDER = ['frame asked', 'record stored', 'read answered'] as const;

/**
 * Forces, in the running worker, the interleaving a worker start makes likely for a fresh tab:
 * the frame's port connects first, and the page's record report lands while the worker still reads
 * the tab's stored record (storage.session) for that frame. Storage.local answers wait until that
 * read went out (so the content script's `cs.getRules`, hence its report, comes after the frame
 * asked); the read's answer is taken at once but handed over only after the worker stored a record
 * (setRecord writes it before it starts the look-up).
 *
 * Each hold gives up after GIVE_UP_MS counted from its first wait, not from the install: a slow
 * machine that takes seconds to open the page must not see a hold expire before it was needed.
 * `order()` lists what happened, so a failure says which step did not come when.
 */
export async function holdWorkerStorage(worker: Worker): Promise<{ order(): Promise<string[]> }> {
  await worker.evaluate((giveUpMs) => {
    type Area = { get(...args: unknown[]): Promise<unknown>; set(items: Record<string, unknown>): Promise<void> };
    const g = globalThis as unknown as { chrome: { storage: { session: Area; local: Area } }; lensHold?: string[] };
    const { session, local } = g.chrome.storage;
    const [readSession, writeSession, readLocal] = [session.get.bind(session), session.set.bind(session), local.get.bind(local)];
    const order: string[] = (g.lensHold = []);
    const once = (event: string) => void (order.includes(event) || order.push(event));
    /** Opened by `open()`, or given up on GIVE_UP_MS after the first `wait()` (noted in the order). */
    const latch = (name: string) => {
      let isOpen = false;
      let release!: () => void;
      const opened = new Promise<void>((resolve) => (release = resolve));
      const open = () => ((isOpen = true), release());
      const giveUp = () => (isOpen || once(`gave up waiting for: ${name}`), release());
      let waited: Promise<void> | null = null;
      const wait = () => (waited ??= (setTimeout(giveUp, giveUpMs), opened));
      return { open, wait };
    };
    const frameAsked = latch('frame asked');
    const recordStored = latch('record stored');
    session.get = (...args) => {
      const answer = readSession(...args);
      once('frame asked');
      frameAsked.open();
      return recordStored.wait().then(() => answer).then((value) => (once('read answered'), value));
    };
    session.set = (items) => {
      // A record, not the `null` a closing tab's pagehide stores.
      if (Object.values(items).some((value) => value !== null)) {
        once('record stored');
        recordStored.open();
      }
      return writeSession(items);
    };
    local.get = (...args) => frameAsked.wait().then(() => readLocal(...args));
  }, GIVE_UP_MS);
  return {
    order: () => worker.evaluate(() => [...(globalThis as unknown as { lensHold: string[] }).lensHold]),
  };
}

const GIVE_UP_MS = 15_000;
