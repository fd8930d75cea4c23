import { DEMO_TOKENS, MERIDIAN_ID, NORTHWIND_ID } from '../server/demo/demo-ids';
import type { RunningServer } from '../server/start-server';
import { launchWithExtension, signInThroughOptions } from '../scripts/chromium-with-extension';
import { startFaultProxy } from '../test/e2e/support/fault-proxy';
import { LOOKUPS_PER_TAB, nextReadyMark, tabShowing } from './paint-timings';
import { distribution } from './stats';

const PLAYWRIGHT = 'playwright-chromium';
/** The endpoint as far away as a firm's data centre can be: every request waits this long. */
const LATENCY_MS = 150;
/** Clio contact ids of the large book (server/demo/large-book.ts): never looked up before, never synced. */
const COLD_CONTACT = (i: number) => 100_000 + 7 * i;

/**
 * The sidebar's paint on the cached path vs the cold path, side by side in one browser: the
 * endpoint behind the fault proxy with 150 ms per request, the book feed refused there (so nothing
 * is cached by a sync); each run switches the single-page Clio record to a client never looked up
 * (cold: record resolution and context from the endpoint) and then to a cached one (1001/1004:
 * painted from the cache, revalidated after). Needs the large book seeded at the endpoint.
 * The figure carries every paint (`cachedMs`, `coldMs`, in run order) and how many needs the two
 * cached clients have at the endpoint (`cachedClientNeeds`): a cached paint's cost grows with its
 * client's needs, so a client changed by an earlier part of the bench shows here.
 */
export async function measureCachedVsCold(server: RunningServer, runs: number) {
  const proxy = await startFaultProxy(server.url, { latencyMs: LATENCY_MS });
  proxy.set({ kind: 'status', status: 503 }, /^GET \/v1\/changes/);
  const browser = await launchWithExtension();
  try {
    await signInThroughOptions(browser, proxy.url, DEMO_TOKENS.partner);
    // Both demo records once, so they are cached.
    for (const id of [1004, 1001]) {
      const { page } = await within(20_000, tabShowing(browser, id), `warm-up of contact ${id}`);
      await page.waitForTimeout(LATENCY_MS * 3);
      await page.close();
    }
    const cold: number[] = [];
    const cached: number[] = [];
    let tab: Awaited<ReturnType<typeof tabShowing>> | null = null;
    let used = 0;
    for (let i = 0; i < runs; i++) {
      for (const kind of ['cold', 'cached'] as const) {
        const to = kind === 'cold' ? COLD_CONTACT(i) : (i % 2 === 0 ? 1004 : 1001);
        if (!tab || used >= LOOKUPS_PER_TAB) {
          await tab?.page.close();
          const from = to === 1001 ? 1004 : 1001; // a hash change to the record already shown would not navigate
          tab = await within(20_000, tabShowing(browser, from), `a fresh tab on contact ${from}`);
          used = 1;
        }
        await tab.page.waitForTimeout(LATENCY_MS * 3); // the previous record's revalidation settles
        // From a cached client to a cold one, then on to a cached one other than the cold one.
        const waiting = nextReadyMark(tab.frame, tab.clientId, true);
        const start = await tab.page.evaluate((id) => {
          const t0 = performance.timeOrigin + performance.now();
          location.hash = `#/contacts/${id}`;
          return t0;
        }, to);
        const ready = await within(20_000, waiting, `${kind} switch to contact ${to}`);
        used++;
        (kind === 'cold' ? cold : cached).push(ready.at - start);
        tab.clientId = ready.clientId;
      }
    }
    const c = distribution(cached);
    const k = distribution(cold);
    const round = (ms: number[]) => ms.map((v) => Math.round(v));
    const cachedClientNeeds = { 1001: (await server.store.listNeeds(NORTHWIND_ID)).length, 1004: (await server.store.listNeeds(MERIDIAN_ID)).length };
    return { cached: c, cold: k, ratio: c.p95 / k.p95, cachedMs: round(cached), coldMs: round(cold), cachedClientNeeds, endpointLatencyMs: LATENCY_MS, harness: PLAYWRIGHT };
  } finally {
    await browser.context.close().catch(() => undefined); // a crashed browser must not hide the error
    await proxy.close();
  }
}

/** `promise`, or an error naming what never happened (a stuck run must not hang the bench). */
function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`cached-vs-cold: no paint within ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
