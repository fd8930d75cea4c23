/**
 * `npm run bench [-- --json] [-- --skip-browser] [-- --only=sync,paint,plain,host,memory,cold,endpoint,import,pipeline]`: figures, not pass/fail. Runs the built extension in
 * Debian's Chromium against the reference endpoint and the endpoint on its own, and prints: content
 * script size, first paint of cached context after a full page load, record switch in a single-page
 * app, book sync (20,000 clients) and its delta, the endpoint under 50 concurrent users on SQLite and on
 * PostgreSQL side by side (a throwaway cluster, as in the tests), and the
 * import of a 5,000-row secondment spreadsheet, and the pipeline page over the large book. `plain`/`host`: the
 * same paints, the host page's load with vs without the extension (and with an empty content script, the floor)
 * and the content script's main-thread time in
 * plain Chromium without DevTools (bench/plain/); `memory`: the worker's heap after a full sync; `cold`: cached vs
 * cold paint with the endpoint 150 ms away. With --json: the same figures as one JSON object on
 * standard output (progress goes to standard error). Each figure says which harness measured it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEMO_TOKENS, DEMO_USERS } from '../server/demo/demo-ids';
import { seedLargeBook } from '../server/demo/large-book';
import { startServer } from '../server/start-server';
import { EXTENSION_DIR, launchWithExtension, signInThroughOptions } from '../scripts/chromium-with-extension';
import { type LoadFigures, measureEndpointLoadOnBothDatabases as measureLoad } from './endpoint-load';
import { measureFeedServing } from './feed-serving';
import { measureImport } from './import-timings';
import { measurePaints } from './paint-timings';
import { measureCachedVsCold } from './cached-vs-cold';
import { measureWorkerMemory } from './service-worker-memory';
import { contentScriptMainThread } from './content-script-main-thread';
import { measureHostPageLoad, measureHostPageLoads } from './host-page-load';
import { measurePlainPaintAfterLoad } from './plain-paint-after-load';
import { measurePlainRecordSwitch } from './plain-record-switch';
import { ofSession, PLAIN, startPlainSession } from './plain/plain-session';
import { describePipeline, measurePipeline } from './pipeline-timings';
import { distribution } from './stats';
import { DELTA_CLIENT_ID, type DeltaSyncRun, type FullSyncRun, measureReplayedSync, measureSync } from './sync-timings';

const json = process.argv.includes('--json');
const skipBrowser = process.argv.includes('--skip-browser');
/** `--only=sync,paint`: just those parts (a before/after comparison need not wait for the rest). */
const only = process.argv.includes('--pipeline-only') // the quick loop for the pipeline page's work
  ? ['pipeline']
  : process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
/** `--sync-runs=N`: full book syncs, each into a fresh profile (about 15 s each). */
const syncRuns = Number(process.argv.find((a) => a.startsWith('--sync-runs='))?.slice('--sync-runs='.length) ?? 3);
/** `--memory-runs=N`: full syncs, each into a fresh profile, after which the worker's heap is read. */
const memoryRuns = Number(process.argv.find((a) => a.startsWith('--memory-runs='))?.slice('--memory-runs='.length) ?? 2);
const part = (name: 'paint' | 'plain' | 'host' | 'memory' | 'cold' | 'endpoint' | 'import' | 'sync' | 'pipeline') => !only || only.includes(name);
const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
/**
 * `--side-panel-loads=N`: loads per browser in the side panel's loop (with the floor and none,
 * interleaved; default 80): its ratio against a goal of 1.03 needs the most runs of any figure here
 * (with 20, the interval was ±0.1; with 40, ±0.07–0.1; with 80, ±0.05).
 */
const SIDE_PANEL_LOADS = Number(process.argv.find((a) => a.startsWith('--side-panel-loads='))?.slice('--side-panel-loads='.length) ?? 80);
if (!Number.isInteger(SIDE_PANEL_LOADS) || SIDE_PANEL_LOADS < 5) throw new Error('--side-panel-loads=N: N must be a whole number of at least 5.');
/**
 * Record switches in the plain harness: their p95 is held against a goal a millisecond or two from
 * where it reads. With 30 switches it was the second-slowest one, its interval 2–9 ms wide; with
 * 60, 2–3 ms (two runs' halves and wholes, 4 December 2026).
 */
const PLAIN_SWITCHES = 60;
/** A bootstrap 95 % interval of a ratio or a percentile (bench/stats.ts), as printed beside it. */
const interval = ([lo, hi]: [number, number], digits = 2) => `(95 % interval ${lo.toFixed(digits)}–${hi.toFixed(digits)})`;
/** Playwright drives the browser (DevTools attached: it inflates frame paint and loopback fetch). */
const PLAYWRIGHT = 'playwright-chromium';
const NODE = 'node-loopback';

async function main(): Promise<void> {
  const figures: Record<string, unknown> = {
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'lens-bench-'));
  const server = await startServer({ port: 0, dbPath: path.join(dir, 'firm.sqlite'), seed: true });
  try {
    if (!skipBrowser && part('paint')) {
      const content = readFileSync(path.join(EXTENSION_DIR, 'content-scripts/content.js'));
      figures.contentScript = { bytes: content.length, gzipBytes: gzipSync(content).length, harness: 'build' };
      say(`content script: ${(content.length / 1024).toFixed(1)} KB, ${(gzipSync(content).length / 1024).toFixed(1)} KB gzipped (budget 10 KB)`);

      const browser = await launchWithExtension();
      await signInThroughOptions(browser, server.url, DEMO_TOKENS.partner);
      const paints = await measurePaints(browser, 15);
      const afterLoad = distribution(paints.afterLoad);
      const switchPaint = distribution(paints.spaSwitch);
      figures.paintAfterLoad = { ...afterLoad, harness: PLAYWRIGHT, afterNavigationStart: distribution(paints.afterNavigationStart) };
      figures.recordSwitch = { ...switchPaint, harness: PLAYWRIGHT, untilViewReachesFrame: distribution(paints.spaReceived) };
      say(`cached context painted after a full page load: p50 ${fmt(afterLoad.p50)}, p95 ${fmt(afterLoad.p95)} after the host page's load event (n=${afterLoad.runs}; ${PLAYWRIGHT})`);
      say(`record switch in a single-page app: p50 ${fmt(switchPaint.p50)}, p95 ${fmt(switchPaint.p95)} to paint (n=${switchPaint.runs}; ${PLAYWRIGHT})`);
      await browser.context.close();
    }

    if (!skipBrowser && (part('plain') || part('host'))) {
      // The second harness: plain Chromium, no DevTools, HTTPS loopback pages, the extension reporting.
      const plain = await startPlainSession(server, say);
      try {
        if (part('plain')) {
          const afterLoad = await measurePlainPaintAfterLoad(plain, 15);
          const switchPaint = await measurePlainRecordSwitch(plain, PLAIN_SWITCHES);
          figures.plain = { paintAfterLoad: afterLoad, recordSwitch: switchPaint };
          say(`cached context painted after a full page load: p50 ${fmt(afterLoad.p50)}, p95 ${fmt(afterLoad.p95)} ${interval(afterLoad.p95Interval, 0)} after the host page's load event (n=${afterLoad.runs}; ${PLAIN}); `
            + `the browser's rendering step after it done p50 ${fmt(afterLoad.rendered.p50)}, p95 ${fmt(afterLoad.rendered.p95)} (n=${afterLoad.rendered.runs})`);
          const { firstInTab, later } = switchPaint.viewToPaint;
          say(`record switch in a single-page app: p50 ${fmt(switchPaint.p50)}, p95 ${fmt(switchPaint.p95)} ${interval(switchPaint.p95Interval, 0)} to paint (n=${switchPaint.runs}; ${PLAIN}), the browser's rendering step after it done p50 ${fmt(switchPaint.rendered.p50)}, p95 ${fmt(switchPaint.rendered.p95)} (n=${switchPaint.rendered.runs}); `
            + `the view in the frame p50 ${fmt(switchPaint.untilViewReachesFrame.p50)} after the hash change (of which its check p50 ${fmt(switchPaint.viewCheck.p50)}, p95 ${fmt(switchPaint.viewCheck.p95)}), painted p50 ${fmt(later.p50)}, p95 ${fmt(later.p95)} after it (n=${later.runs}), `
            + `the first switch in a fresh tab p50 ${fmt(firstInTab.p50)}, p95 ${fmt(firstInTab.p95)} (n=${firstInTab.runs})`);
        }
        if (part('host')) {
          const load = await measureHostPageLoad(plain, 15);
          figures.hostPageLoad = load;
          say(`host page load event with the extension vs without: p50 ${fmt(load.withExtension.p50)} vs ${fmt(load.withoutExtension.p50)}, p95 ${fmt(load.withExtension.p95)} vs ${fmt(load.withoutExtension.p95)}, ratio of p50s ${load.ratio.toFixed(2)} ${interval(load.ratioInterval)} (goal ≤ 1.03; n=${load.withExtension.runs} each, interleaved; ${PLAIN})`);
        }
        const cs = contentScriptMainThread(ofSession(plain.host.events, 'with'));
        figures.contentScriptMainThread = cs;
        say(`content script main-thread time per page load (main() + first detection): p50 ${cs.p50.toFixed(1)} ms, p95 ${cs.p95.toFixed(1)} ms (goal ≤ 2 ms; n=${cs.runs}; without the frame's insertion p50 ${cs.withoutMount.p50.toFixed(1)} ms, p95 ${cs.withoutMount.p95.toFixed(1)} ms); per hash change p50 ${cs.hashChange.p50.toFixed(1)} ms, p95 ${cs.hashChange.p95.toFixed(1)} ms (n=${cs.hashChange.runs}; ${PLAIN})`);
        if (part('host')) {
          // After the record pages' figures, so that those count record pages only.
          const from = plain.host.events.length;
          const load = await measureHostPageLoad(plain, 15, null);
          const script = contentScriptMainThread(ofSession(plain.host.events.slice(from), 'with'));
          figures.hostPageLoadNoRecord = { ...load, contentScriptMainThread: script };
          say(`host page with no record (the contacts list), load event with the extension vs without: p50 ${fmt(load.withExtension.p50)} vs ${fmt(load.withoutExtension.p50)}, ratio of p50s ${load.ratio.toFixed(2)} ${interval(load.ratioInterval)} (n=${load.withExtension.runs} each, interleaved); content script p50 ${script.p50.toFixed(1)} ms, the frame inserted after the load event p50 ${(script.parts.idleMount?.p50 ?? Number.NaN).toFixed(1)} ms (${PLAIN})`);
          // The record page again, the extension set to the side panel as its placement, side by
          // side with the floor: an extension of one empty content script, in the same loop.
          await plain.addSidePanelBrowser();
          await plain.addFloorBrowser();
          const sideFrom = plain.host.events.length;
          const { 'side-panel': side, floor } = await measureHostPageLoads(plain, SIDE_PANEL_LOADS, 1001, ['side-panel', 'floor']);
          const sideScript = contentScriptMainThread(ofSession(plain.host.events.slice(sideFrom), 'side-panel'));
          figures.hostPageLoadSidePanel = { ...side, contentScriptMainThread: sideScript };
          figures.hostPageLoadFloor = floor;
          say(`host record page, the side panel as the placement (no frame in the page), load event with the extension vs without: p50 ${fmt(side.withExtension.p50)} vs ${fmt(side.withoutExtension.p50)}, ratio of p50s ${side.ratio.toFixed(2)} ${interval(side.ratioInterval)} (goal ≤ 1.03; n=${side.withExtension.runs} each, interleaved); content script p50 ${sideScript.p50.toFixed(1)} ms, p95 ${sideScript.p95.toFixed(1)} ms (goal ≤ 2 ms; n=${sideScript.runs}; ${PLAIN})`);
          say(`  in the same loop, an extension of one empty content script (the floor): p50 ${fmt(floor.withExtension.p50)}, ratio of p50s ${floor.ratio.toFixed(2)} ${interval(floor.ratioInterval)} (n=${floor.withExtension.runs}; ${PLAIN})`);
        }
      } finally {
        await plain.close();
      }
    }

    if (part('endpoint')) {
      const load = await measureLoad(server, 50, 5_000);
      figures.endpointContextLoad = { sqlite: { ...load.sqlite, harness: NODE }, postgres: { ...load.postgres, harness: NODE } };
      const line = (name: string, l: LoadFigures | { error: string }) => ('error' in l
        ? `${name.padEnd(10)} not measured: ${l.error}`
        : `${name.padEnd(10)} ${l.requestsPerSecond.toFixed(0).padStart(5)} requests/s, latency p50 ${l.latencyMs.p50.toFixed(1)} ms, p95 ${l.latencyMs.p95.toFixed(1)} ms (${l.requests} requests, ${l.errors} errors)`);
      say(`endpoint, GET context with 50 concurrent users, side by side (${NODE}):`);
      say(`  ${line('SQLite', load.sqlite)}`);
      say(`  ${line('PostgreSQL', load.postgres)}`);
    }

    if (part('import')) {
      const imp = await measureImport(5_000);
      figures.import5000 = { ...imp, harness: NODE };
      say(`import of a ${imp.rows}-row secondment spreadsheet (read, validate, apply): CSV ${fmt(imp.csvMs)}, XLSX ${fmt(imp.xlsxMs)}; the same CSV again (all unchanged) ${fmt(imp.secondImportMs)} (${NODE})`);
    }

    if (!skipBrowser && (part('sync') || part('pipeline') || part('memory') || part('cold'))) {
      const size = { clients: 20_000, secondments: 5_000, needs: 50_000 };
      const seedStart = performance.now();
      await seedLargeBook(server.store, size);
      say(`large book seeded at the endpoint in ${fmt(performance.now() - seedStart)}: ${JSON.stringify(await server.store.counts(DEMO_USERS.partner.id))}`);
    }
    if (!skipBrowser && part('sync')) {
      const served = await measureFeedServing(server, 4, say);
      figures.fullFeedServed = { ...served, harness: NODE };
      say(`the endpoint's own cost of one user's full sync (the whole feed, gzip): the first since the book was written CPU ${fmt(served.first.endpointCpuMs)}; later ones wall p50 ${fmt(served.wallMs.p50)}, CPU p50 ${fmt(served.endpointCpuMs.p50)}, p95 ${fmt(served.endpointCpuMs.p95)} (n=${served.wallMs.runs}), ${served.wireMB.toFixed(1)} MB sent (${NODE})`);
      const sync = await measureSync(server, DELTA_CLIENT_ID, syncRuns, 20, say);
      const of = (pick: (r: FullSyncRun) => number) => distribution(sync.full.map(pick));
      const ms = of((r) => r.ms);
      const last = sync.full.at(-1)!;
      const replay = await measureReplayedSync(server, syncRuns, say);
      const ofReplayed = (pick: (r: FullSyncRun) => number) => distribution(replay.runs.map(pick));
      const replayedMs = ofReplayed((r) => r.ms);
      const replayed = {
        ms: replayedMs.p50, ...replayedMs, fetchMs: ofReplayed((r) => r.fetchMs), validateMs: ofReplayed((r) => r.validateMs), applyMs: ofReplayed((r) => r.applyMs),
        feedPages: replay.feedPages, harness: PLAYWRIGHT,
      };
      figures.fullSync = {
        ms: ms.p50, ...ms, fetchMs: of((r) => r.fetchMs), validateMs: of((r) => r.validateMs), applyMs: of((r) => r.applyMs), diskBytes: of((r) => r.diskBytes),
        changes: last.applied, pages: last.pages, harness: PLAYWRIGHT, replayed,
      };
      const delta = distribution(sync.delta.map((d) => d.ms));
      const ofDelta = (pick: (d: DeltaSyncRun) => number) => distribution(sync.delta.map(pick));
      figures.deltaSync = {
        ms: delta.p50, ...delta, fetchMs: ofDelta((d) => d.fetchMs), validateMs: ofDelta((d) => d.validateMs), applyMs: ofDelta((d) => d.applyMs),
        roundTripMs: ofDelta((d) => d.roundTripMs), changes: sync.delta[0]?.applied ?? 0, harness: PLAYWRIGHT,
      };
      say(`full book sync (${last.applied} changes, ${last.pages} pages): p50 ${fmt(ms.p50)}, p95 ${fmt(ms.p95)} (n=${ms.runs}) = fetch ${fmt(of((r) => r.fetchMs).p50)} + validate ${fmt(of((r) => r.validateMs).p50)} + IndexedDB writes ${fmt(of((r) => r.applyMs).p50)} (medians); IndexedDB usage ${(of((r) => r.diskBytes).p50 / 1024 / 1024).toFixed(1)} MB (${PLAYWRIGHT})`);
      say(`full book sync with the feed pages replayed from memory (the endpoint's work off the machine's cores: the extension's own cost): p50 ${fmt(replayedMs.p50)}, p95 ${fmt(replayedMs.p95)} (n=${replayedMs.runs}) = fetch ${fmt(ofReplayed((r) => r.fetchMs).p50)} + validate ${fmt(ofReplayed((r) => r.validateMs).p50)} + IndexedDB writes ${fmt(ofReplayed((r) => r.applyMs).p50)}; feed pages replayed ${replay.feedPages.replayed}, relayed ${replay.feedPages.forwarded} (${PLAYWRIGHT})`);
      say(`delta sync of ${sync.delta[0]?.applied ?? 0} changes: p50 ${fmt(delta.p50)}, p95 ${fmt(delta.p95)} (n=${delta.runs}) = waiting for the page ${fmt(ofDelta((d) => d.fetchMs).p50)} + validate ${fmt(ofDelta((d) => d.validateMs).p50)} + IndexedDB write ${fmt(ofDelta((d) => d.applyMs).p50)} (medians); "Update now" answered after tidying and the projection p50 ${fmt(ofDelta((d) => d.roundTripMs).p50)}, p95 ${fmt(ofDelta((d) => d.roundTripMs).p95)} (${PLAYWRIGHT})`);
    }
    if (!skipBrowser && part('memory')) {
      const memory = await measureWorkerMemory(server, memoryRuns);
      figures.serviceWorkerMemory = memory;
      say(`service-worker JS heap after a full sync of the large book (after GC): p50 ${memory.heapUsedMB.p50.toFixed(1)} MB, p95 ${memory.heapUsedMB.p95.toFixed(1)} MB used of ${memory.heapTotalMB.p50.toFixed(1)} MB (goal ≤ 60 MB; n=${memory.heapUsedMB.runs}; ${PLAYWRIGHT})`);
    }
    if (!skipBrowser && part('cold')) {
      const cold = await measureCachedVsCold(server, 10);
      figures.cachedVsCold = cold;
      say(`sidebar paint, cached vs cold path (endpoint ${cold.endpointLatencyMs} ms away through the fault proxy), p95: ${fmt(cold.cached.p95)} vs ${fmt(cold.cold.p95)}, ratio ${cold.ratio.toFixed(2)} (goal ≤ 0.25); p50 ${fmt(cold.cached.p50)} vs ${fmt(cold.cold.p50)} (n=${cold.cached.runs} each, alternating; cached paints ${cold.cachedMs.join(', ')} ms; needs of the cached clients 1001/1004: ${cold.cachedClientNeeds[1001]}/${cold.cachedClientNeeds[1004]}; ${PLAYWRIGHT})`);
    }
    if (!skipBrowser && part('pipeline')) {
      const pipeline = await measurePipeline(server);
      figures.pipelineBoard = { ...pipeline.board, harness: PLAYWRIGHT };
      figures.pipelineFilter = { ...pipeline.filter, harness: PLAYWRIGHT };
      for (const line of describePipeline(pipeline)) say(line);
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
