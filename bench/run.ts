/**
 * `npm run bench`: figures, not pass/fail. Runs the built extension in Debian's Chromium against the
 * reference endpoint and prints: content-script size, first paint of cached context after a full
 * page load, record switch in a single-page app, book sync (20,000 clients) with its delta, and the
 * pipeline page over that book (first paint of the board, filter latency).
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEMO_TOKENS, DEMO_USERS, NORTHWIND_ID } from '../server/demo/demo-ids';
import { seedLargeBook } from '../server/demo/large-book';
import { startServer } from '../server/start-server';
import { EXTENSION_DIR, launchWithExtension, signInThroughOptions } from '../scripts/chromium-with-extension';
import { measurePaints } from './paint-timings';
import { measurePipeline } from './pipeline-timings';
import { measureSync } from './sync-timings';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

async function main(): Promise<void> {
  const content = readFileSync(path.join(EXTENSION_DIR, 'content-scripts/content.js'));
  console.log(`content script: ${(content.length / 1024).toFixed(1)} KB, ${(gzipSync(content).length / 1024).toFixed(1)} KB gzipped (budget 10 KB)`);

  const dir = mkdtempSync(path.join(tmpdir(), 'lens-bench-'));
  const server = await startServer({ port: 0, dbPath: path.join(dir, 'firm.sqlite'), seed: true });
  try {
    const browser = await launchWithExtension();
    await signInThroughOptions(browser, server.url, DEMO_TOKENS.partner);
    const paints = await measurePaints(browser, 7);
    console.log(`cached context painted after a full page load: median ${fmt(median(paints.afterLoad))} after the host page's load event, ${fmt(median(paints.afterNavigationStart))} after navigation start (n=${paints.afterLoad.length}; bar ~130 ms)`);
    console.log(`record switch in a single-page app (frame mounted): median ${fmt(median(paints.spaSwitch))} to paint, of which ${fmt(median(paints.spaReceived))} until the view reaches the frame (n=${paints.spaSwitch.length}; bar ~25 ms)`);
    await browser.context.close();

    const size = { clients: 20_000, secondments: 5_000, needs: 50_000 };
    const seedStart = performance.now();
    seedLargeBook(server.store, size);
    console.log(`large book seeded at the endpoint in ${fmt(performance.now() - seedStart)}: ${JSON.stringify(server.store.counts(DEMO_USERS.partner.id))}`);
    const sync = await measureSync(server, NORTHWIND_ID);
    console.log(`full book sync (${sync.full.applied} changes, ${sync.full.pages} pages): ${fmt(sync.full.ms)} = fetch+validate ${fmt(sync.full.fetchMs)} + IndexedDB writes ${fmt(sync.full.applyMs)}; IndexedDB usage ${(sync.usageBytes / 1024 / 1024).toFixed(1)} MB`);
    console.log(`delta sync of ${sync.delta.applied} changes: ${fmt(sync.delta.ms)}`);
    const pipeline = await measurePipeline(server);
    console.log(`pipeline page over that book (${pipeline.loads[0]?.needs}): board on screen ${fmt(median(pipeline.loads.map((l) => l.boardPainted)))} after navigation start, of which reading IndexedDB ${fmt(median(pipeline.loads.map((l) => l.read)))} and indexing ${fmt(median(pipeline.loads.map((l) => l.index)))} (median of ${pipeline.loads.length}); filter change to repaint: median ${fmt(median(pipeline.filters.map((f) => f.ms)))}, worst ${fmt(Math.max(...pipeline.filters.map((f) => f.ms)))}, long tasks ${pipeline.filters.reduce((n, f) => n + f.longTasks, 0)} (n=${pipeline.filters.length})`);
  } finally {
    await server.close();
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
