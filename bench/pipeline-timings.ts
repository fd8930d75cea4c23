import type { Page } from '@playwright/test';
import type { RunningServer } from '../server/start-server';
import { DEMO_TOKENS } from '../server/demo/demo-ids';
import { launchWithExtension } from '../scripts/chromium-with-extension';
import { distribution } from './stats';

interface Progress { state: string }

/** One load of the page, from what it left in User Timing (see entrypoints/pipeline/main.tsx). */
interface LoadTiming {
  /** Navigation start to the board on screen. */
  boardPainted: number;
  /** Navigation start to the page's script asking for the book (the bundle fetched and run). */
  scriptStart: number;
  /** Asking the background and reading IndexedDB. */
  read: number;
  /** Turning what was read into the page's index. */
  index: number;
  /** Long tasks (≥ 50 ms) from navigation start to the board on screen, and the longest. */
  longTasks: number;
  longestTask: number;
  needs: string;
  /** Where the page read the book from (the projection, or the entity stores). */
  source: string;
}

async function loadTimings(page: Page): Promise<LoadTiming> {
  await page.waitForFunction(() => performance.getEntriesByName('lens:pipeline-board').length > 0, undefined, { timeout: 120_000 });
  return page.evaluate(async () => {
    const board = performance.getEntriesByName('lens:pipeline-board')[0]!.startTime;
    const read = performance.getEntriesByName('lens:pipeline-read')[0];
    // Long tasks are buffered from the start of the document (Chromium keeps them for late observers).
    const tasks = await new Promise<PerformanceEntry[]>((resolve) => {
      const observer = new PerformanceObserver((list) => { observer.disconnect(); resolve(list.getEntries()); });
      observer.observe({ type: 'longtask', buffered: true });
      setTimeout(() => { observer.disconnect(); resolve([]); }, 200);
    });
    const before = tasks.filter((t) => t.startTime < board);
    return {
      boardPainted: board,
      scriptStart: read?.startTime ?? NaN,
      read: read?.duration ?? NaN,
      index: performance.getEntriesByName('lens:pipeline-index')[0]?.duration ?? NaN,
      longTasks: before.length,
      longestTask: Math.max(0, ...before.map((t) => t.duration)),
      needs: document.querySelector('.filters .showing')?.textContent ?? '',
      source: JSON.stringify((read as PerformanceMeasure | undefined)?.detail ?? null),
    };
  });
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
export async function measurePipeline(server: RunningServer, runs = 7, filterRounds = 2) {
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

    const loads: LoadTiming[] = [];
    const page = await browser.context.newPage();
    for (let i = 0; i < runs; i++) {
      await page.goto(`chrome-extension://${browser.extensionId}/pipeline.html`);
      loads.push(await loadTimings(page));
    }
    const areas = await page.$$eval('#filter-area option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    const filters: { ms: number; longTasks: number }[] = [];
    const cdp = process.env.PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start'); }
    for (let round = 0; round < filterRounds; round++) {
      for (const area of areas.slice(1, 6)) filters.push(await filterLatency(page, { select: 'filter-area', value: area }));
      filters.push(await filterLatency(page, { select: 'filter-area', value: '*' }));
      for (const text of ['a', 'at', 'atl', 'atlas', '']) filters.push(await filterLatency(page, { client: text }));
      for (const age of ['up-to-30', 'over-365', 'any']) filters.push(await filterLatency(page, { select: 'filter-age', value: age }));
    }
    if (cdp) { const { profile } = await cdp.send('Profiler.stop'); (await import('node:fs')).writeFileSync('/tmp/pipeline-filter.cpuprofile', JSON.stringify(profile)); }
    return summarise(loads, filters);
  } finally {
    await browser.context.close();
  }
}

function summarise(loads: LoadTiming[], filters: { ms: number; longTasks: number }[]) {
  const of = (pick: (l: LoadTiming) => number) => distribution(loads.map(pick));
  return {
    needs: loads.at(-1)?.needs ?? '',
    sources: [...new Set(loads.map((l) => l.source))],
    board: {
      ...of((l) => l.boardPainted),
      max: Math.max(...loads.map((l) => l.boardPainted)),
      scriptStart: of((l) => l.scriptStart),
      readMs: of((l) => l.read),
      indexMs: of((l) => l.index),
      longTasks: loads.reduce((n, l) => n + l.longTasks, 0),
      longestTaskMs: Math.max(0, ...loads.map((l) => l.longestTask)),
    },
    filter: {
      ...distribution(filters.map((f) => f.ms)),
      max: Math.max(...filters.map((f) => f.ms)),
      longTasks: filters.reduce((n, f) => n + f.longTasks, 0),
      changesWithLongTask: filters.filter((f) => f.longTasks > 0).length,
    },
  };
}

const ms = (v: number) => `${v.toFixed(0)} ms`;

/** The figures as lines for the terminal. */
export function describePipeline({ needs, sources, board, filter }: Awaited<ReturnType<typeof measurePipeline>>): string[] {
  return [
    `pipeline page (${needs}): board on screen after navigation start p50 ${ms(board.p50)}, p95 ${ms(board.p95)}, worst ${ms(board.max)} (n=${board.runs}); `
      + `of which script started at p50 ${ms(board.scriptStart.p50)}, reading p50 ${ms(board.readMs.p50)} (p95 ${ms(board.readMs.p95)}), indexing p50 ${ms(board.indexMs.p50)}; `
      + `${board.longTasks} long tasks while loading, longest ${ms(board.longestTaskMs)}; read from ${sources.join(', ')}`,
    `pipeline filter change to repainted board: p50 ${ms(filter.p50)}, p95 ${ms(filter.p95)}, worst ${ms(filter.max)} (n=${filter.runs}); `
      + `${filter.longTasks} long tasks in ${filter.changesWithLongTask} of the changes`,
  ];
}
