import type { Frame, Page } from '@playwright/test';
import type { ExtensionBrowser } from '../scripts/chromium-with-extension';

export const RECORD = (id: number) => `https://app.clio.com/nc/#/contacts/${id}`;

/** The sidebar frame of the page (its URL is per-session random: found by path). */
export async function sidebarFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 200; i++) {
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar.html'));
    if (frame) return frame;
    await page.waitForTimeout(10);
  }
  throw new Error('no sidebar frame');
}

// Kept as source text: tsx's keepNames would wrap named functions in a `__name` helper that does
// not exist inside the page.
const NEXT_READY_MARK = `(exclude, onlyNew) => new Promise((resolve) => {
  const since = onlyNew ? performance.now() : 0;
  const check = (entries) => {
    for (const e of entries) {
      if (e.name === 'lens:ready' && e.startTime >= since && e.detail && e.detail.clientId !== exclude) {
        const received = performance.getEntriesByName('lens:view-received').filter((r) => r.startTime <= e.startTime).at(-1);
        resolve({ at: performance.timeOrigin + e.startTime, receivedAt: received ? performance.timeOrigin + received.startTime : NaN, clientId: e.detail.clientId });
        return true;
      }
    }
    return false;
  };
  if (check(performance.getEntriesByName('lens:ready'))) return;
  new PerformanceObserver((list, observer) => { if (check(list.getEntries())) observer.disconnect(); }).observe({ type: 'mark' });
})`;

/** Epoch time (ms, high resolution) of the next `lens:ready` mark for a client other than `notClient`. */
export function nextReadyMark(frame: Frame, notClient: string | null, onlyNew = false): Promise<{ at: number; receivedAt: number; clientId: string }> {
  return frame.evaluate(`(${NEXT_READY_MARK})(${JSON.stringify(notClient)}, ${onlyNew})`) as Promise<{ at: number; receivedAt: number; clientId: string }>;
}

/**
 * A tab's endpoint look-ups are limited (10 at once, then one every 3 s: lib/background/lookup-rate-limit.ts).
 * A cached paint no longer waits for it, but each switch's revalidation still takes a token, and one
 * held back would still be running during the next switch. So no tab is used for more than this
 * many look-ups; the next runs go on in a fresh tab.
 */
export const LOOKUPS_PER_TAB = 8;

/** A fresh tab showing `id`'s cached context; resolves once it is on screen. */
export async function tabShowing(browser: ExtensionBrowser, id: number): Promise<{ page: Page; frame: Frame; clientId: string }> {
  const page = await browser.context.newPage();
  await page.goto(RECORD(id), { waitUntil: 'load' });
  const frame = await sidebarFrame(page);
  return { page, frame, clientId: (await nextReadyMark(frame, null)).clientId };
}

/**
 * Full page load: from the host page's load event (and from navigation start) to the cached
 * context on screen, each in a fresh tab. Single-page switch: from the hash change to the other
 * client's cached context.
 */
export async function measurePaints(browser: ExtensionBrowser, runs: number) {
  const page = await browser.context.newPage();
  // Warm the cache for both records.
  for (const id of [1004, 1001]) {
    await page.goto(RECORD(id));
    await nextReadyMark(await sidebarFrame(page), null);
    await page.waitForTimeout(300);
  }
  await page.close();
  const afterLoad: number[] = [];
  const afterNavigationStart: number[] = [];
  for (let i = 0; i < runs; i++) {
    const tab = await browser.context.newPage();
    await tab.goto(RECORD(1001), { waitUntil: 'load' });
    const ready = await nextReadyMark(await sidebarFrame(tab), null);
    const host = await tab.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { origin: performance.timeOrigin, loadEnd: nav.loadEventEnd };
    });
    afterLoad.push(ready.at - (host.origin + host.loadEnd));
    afterNavigationStart.push(ready.at - host.origin);
    await tab.close();
  }
  const spaSwitch: number[] = [];
  const spaReceived: number[] = [];
  let tab: Awaited<ReturnType<typeof tabShowing>> | null = null;
  let used = 0;
  for (let i = 0; i < runs * 2; i++) {
    if (!tab || used >= LOOKUPS_PER_TAB) {
      await tab?.page.close();
      tab = await tabShowing(browser, i % 2 === 0 ? 1001 : 1004);
      used = 1;
    }
    await tab.page.waitForTimeout(400); // let the previous record's revalidation settle
    const waiting = nextReadyMark(tab.frame, tab.clientId, true);
    const start = await tab.page.evaluate((id) => {
      const t0 = performance.timeOrigin + performance.now();
      location.hash = `#/contacts/${id}`;
      return t0;
    }, i % 2 === 0 ? 1004 : 1001);
    const ready = await waiting;
    used++;
    spaSwitch.push(ready.at - start);
    spaReceived.push(ready.receivedAt - start);
    tab.clientId = ready.clientId;
  }
  await tab?.page.close();
  return { afterLoad, afterNavigationStart, spaSwitch, spaReceived };
}
