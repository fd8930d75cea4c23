import type { Page } from '@playwright/test';
import type { RunningServer } from '../server/start-server';
import { DEMO_USERS } from '../server/demo/demo-ids';
import { startFeedReplayProxy } from './feed-replay-proxy';
import { launchSignedIn } from './signed-in-browser';

interface Progress { state: string; applied: number; pages: number; startedAt: number; finishedAt: number | null; fetchMs: number; validateMs?: number; applyMs: number }

export interface FullSyncRun { ms: number; applied: number; pages: number; fetchMs: number; validateMs: number; applyMs: number; diskBytes: number }

export interface DeltaSyncRun { ms: number; applied: number; fetchMs: number; validateMs: number; applyMs: number; roundTripMs: number }

async function syncNow(options: Page): Promise<Progress> {
  return (await timedSyncNow(options)).sync;
}

/** "Update now" from the options page, and how long its answer took there (the whole run: tidying and the projection too). */
function timedSyncNow(options: Page): Promise<{ sync: Progress; roundTripMs: number }> {
  return options.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ value: { sync: Progress } }> } } }).chrome;
    const sent = performance.now();
    const { sync } = (await api.runtime.sendMessage({ type: 'options.syncNow' })).value;
    return { sync, roundTripMs: performance.now() - sent };
  });
}

/**
 * `fullRuns` full book syncs, each into a fresh profile, then (in the last one) `deltaRuns` delta
 * syncs of 100 changes each. Timed by the extension's own progress record (start to finish of the
 * run in the worker), so the browser's launch and the sign-in are not counted. For a delta that is
 * from the run's start to its one page's commit: reading the cursor, the page's round trip, its
 * validation and its write; not the closing `meta` write nor what the background does after the
 * run (eviction, tidying, the pipeline's projection), which `roundTripMs` ("Update now" answered
 * in the options page, the pending outbox flushed first) includes. No PMS page is opened, so the
 * demo pages are not routed: a route makes Playwright hold up every request, the feed's too.
 * `extensionDir`: another build (a before/after comparison runs both against one endpoint, interleaved).
 */
export async function measureSync(server: RunningServer, clientId: string, fullRuns: number, deltaRuns: number, say: (line: string) => void, extensionDir?: string) {
  const full: FullSyncRun[] = [];
  const delta: DeltaSyncRun[] = [];
  for (let run = 0; run < fullRuns; run++) {
    const { browser, options, run: measured } = await fullSyncOnce(server.url, extensionDir);
    try {
      full.push(measured);
      say(`  full sync run ${run + 1}/${fullRuns}: ${measured.ms} ms`);
      if (run < fullRuns - 1) continue;
      for (let d = 0; d < deltaRuns; d++) {
        await addDeltaNeeds(server, clientId, `Bench need ${d}`);
        delta.push(await measureDelta(options));
      }
    } finally {
      await browser.context.close();
    }
  }
  return { full, delta };
}

/** A fresh profile signed in to `endpointUrl`, its full sync run to the end and measured; the browser is left open. */
export async function fullSyncOnce(endpointUrl: string, extensionDir?: string) {
  const { browser, options } = await launchSignedIn(endpointUrl, { extensionDir, demoPages: false }); // starts the full sync
  try {
    const p = await syncUntilDone(options); // joins the running sync
    const diskBytes = await browser.worker.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const run: FullSyncRun = { ms: (p.finishedAt ?? 0) - p.startedAt, applied: p.applied, pages: p.pages, fetchMs: p.fetchMs, validateMs: p.validateMs ?? Number.NaN, applyMs: p.applyMs, diskBytes };
    return { browser, options, run };
  } catch (error) {
    await browser.context.close();
    throw error;
  }
}

/**
 * Full syncs with the endpoint's work taken off the machine's cores: one sync through the feed
 * replay proxy records the pages, then `runs` syncs (fresh profiles) get them from its memory
 * (bench/feed-replay-proxy.ts). What is left is the extension's own cost; `replayed`/`forwarded`
 * count the feed pages answered each way during the measured runs (all replayed when the pages
 * asked for were the same).
 */
export async function measureReplayedSync(server: RunningServer, runs: number, say: (line: string) => void) {
  const proxy = await startFeedReplayProxy(server.url);
  try {
    await (await fullSyncOnce(proxy.url)).browser.context.close();
    const before = { ...proxy.counts };
    const measured: FullSyncRun[] = [];
    for (let i = 0; i < runs; i++) {
      const { browser, run } = await fullSyncOnce(proxy.url);
      await browser.context.close();
      measured.push(run);
      say(`  full sync with the feed replayed, run ${i + 1}/${runs}: ${run.ms} ms`);
    }
    return { runs: measured, feedPages: { replayed: proxy.counts.replayed - before.replayed, forwarded: proxy.counts.forwarded - before.forwarded } };
  } finally {
    await proxy.close();
  }
}

/** "Update now" until a run completes (the first joins a run already going). */
export async function syncUntilDone(options: Page): Promise<Progress> {
  let p = await syncNow(options);
  while (p.state !== 'done') p = await syncNow(options);
  return p;
}

/**
 * The client whose needs the delta syncs add: a large-book client that no other part of the bench
 * opens. The demo clients must stay as seeded: the cached-vs-cold part, run after this one in the
 * same endpoint, paints Northwind (contact 1001), and with the 2,000 needs of 20 deltas on it each
 * of its cached paints took ~170–550 ms instead of ~30–50 (docs/BENCHMARKS.md, "The cached-vs-cold
 * outlier").
 */
export const DELTA_CLIENT_ID = 'lb-c-19999';

/** The 100 needs a delta sync picks up, titled `${title}.0` … `${title}.99`. */
export async function addDeltaNeeds(server: RunningServer, clientId: string, title: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await server.store.createNeed(clientId, { title: `${title}.${i}`, practiceArea: 'Employment', detail: '', confidential: false, sourceSecondmentId: null }, { id: DEMO_USERS.partner.id, name: 'Eleanor Marsh' });
  }
}

/** One delta sync through "Update now", with where its time went. */
export async function measureDelta(options: Page): Promise<DeltaSyncRun> {
  const { sync: q, roundTripMs } = await timedSyncNow(options);
  return { ms: (q.finishedAt ?? 0) - q.startedAt, applied: q.applied, fetchMs: q.fetchMs, validateMs: q.validateMs ?? Number.NaN, applyMs: q.applyMs, roundTripMs };
}
