import type { Page } from '@playwright/test';
import type { RunningServer } from '../server/start-server';
import { DEMO_TOKENS } from '../server/demo/demo-ids';
import { launchWithExtension } from '../scripts/chromium-with-extension';

interface Progress { state: string }

/** What the page left in User Timing after one load (see entrypoints/pipeline/main.tsx). */
async function loadTimings(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName('lens:pipeline-board').length > 0, undefined, { timeout: 120_000 });
  return page.evaluate(() => ({
    boardPainted: performance.getEntriesByName('lens:pipeline-board')[0]!.startTime,
    read: performance.getEntriesByName('lens:pipeline-read')[0]?.duration ?? NaN,
    index: performance.getEntriesByName('lens:pipeline-index')[0]?.duration ?? NaN,
    needs: document.querySelector('.filters .showing')?.textContent ?? '',
  }));
}

/**
 * One filter change, as the user makes it (a select's change, or typing in the client field),
 * timed from the event handler to the task after the next frame (the new board painted).
 */
async function filterLatency(page: Page, change: { select?: 'filter-area' | 'filter-age'; value?: string; client?: string }): Promise<{ ms: number; longTasks: number }> {
  return page.evaluate(async ({ select, value, client }) => {
    const before = performance.getEntriesByName('lens:pipeline-filtered').length;
    let longTasks = 0;
    const observer = new PerformanceObserver((list) => { longTasks += list.getEntries().length; });
    observer.observe({ type: 'longtask' });
    if (select !== undefined) {
      const el = document.getElementById(select) as HTMLSelectElement;
      el.value = value!;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      const el = document.getElementById('filter-client') as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, client);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
    while (performance.getEntriesByName('lens:pipeline-filtered').length === before) await new Promise((r) => setTimeout(r, 5));
    const start = performance.getEntriesByName('lens:pipeline-filter-start').at(-1)!.startTime;
    const end = performance.getEntriesByName('lens:pipeline-filtered').at(-1)!.startTime;
    observer.disconnect();
    return { ms: end - start, longTasks };
  }, change);
}

/**
 * The pipeline page over the large book (bench/run.ts seeds it): BD signs in, the whole book is
 * synced, then pipeline.html is opened `runs` times (time from navigation start to the board on
 * screen) and the filters are changed (time from the change to the board repainted).
 */
export async function measurePipeline(server: RunningServer, runs = 3) {
  const browser = await launchWithExtension();
  try {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const send = <T,>(message: object) => options.evaluate(async (m) => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome;
      return api.runtime.sendMessage(m);
    }, message) as Promise<T>;
    // The options page's own message (its form waits at most 30 s for the answer; a loaded machine
    // syncing 75,000 changes may take longer to show it).
    const signedIn = await send<{ ok: boolean }>({ type: 'options.signIn', endpointUrl: server.url, token: DEMO_TOKENS.bd });
    if (!signedIn.ok) throw new Error(`sign-in failed: ${JSON.stringify(signedIn)}`);
    for (let i = 0; i < 100; i++) {
      const answer = await send<{ value: { sync: Progress } }>({ type: 'options.syncNow' });
      if (answer.value.sync.state === 'done') break;
    }

    const loads: { boardPainted: number; read: number; index: number; needs: string }[] = [];
    const page = await browser.context.newPage();
    for (let i = 0; i < runs; i++) {
      await page.goto(`chrome-extension://${browser.extensionId}/pipeline.html`);
      loads.push(await loadTimings(page));
    }
    const areas = await page.$$eval('#filter-area option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    const filters: { ms: number; longTasks: number }[] = [];
    for (const area of areas.slice(1, 6)) filters.push(await filterLatency(page, { select: 'filter-area', value: area }));
    filters.push(await filterLatency(page, { select: 'filter-area', value: '*' }));
    for (const text of ['a', 'at', 'atl', 'atlas', '']) filters.push(await filterLatency(page, { client: text }));
    for (const age of ['up-to-30', 'over-365', 'any']) filters.push(await filterLatency(page, { select: 'filter-age', value: age }));
    return { loads, filters };
  } finally {
    await browser.context.close();
  }
}
