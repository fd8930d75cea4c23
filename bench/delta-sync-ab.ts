/**
 * `npx tsx bench/delta-sync-ab.ts <outDirA> <outDirB> [rounds] [--unrouted]` (under the browser lock):
 * the delta sync of two builds side by side. Both browsers stay open against one endpoint with the
 * large book; each round adds 100 needs and both sync them, in alternating order, so both sides see
 * the same load (sequential bench runs minutes apart differ by more than most changes do).
 * `--unrouted`: without the demo-page route (see bench/sync-timings.ts). Figures, not pass/fail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_TOKENS } from '../server/demo/demo-ids';
import { seedLargeBook } from '../server/demo/large-book';
import { startServer } from '../server/start-server';
import { launchWithExtension, signInThroughOptions } from '../scripts/chromium-with-extension';
import { distribution } from './stats';
import { addDeltaNeeds, DELTA_CLIENT_ID, type DeltaSyncRun, measureDelta, syncUntilDone } from './sync-timings';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const [dirA, dirB] = args;
const rounds = Number(args[2] ?? 30);
if (!dirA || !dirB) throw new Error('usage: delta-sync-ab.ts <outDirA> <outDirB> [rounds] [--unrouted]');
const demoPages = !process.argv.includes('--unrouted');

const dir = mkdtempSync(path.join(tmpdir(), 'lens-delta-ab-'));
const server = await startServer({ port: 0, dbPath: path.join(dir, 'firm.sqlite'), seed: true });
try {
  await seedLargeBook(server.store, { clients: 20_000, secondments: 5_000, needs: 50_000 });
  const sides = [];
  for (const outDir of [dirA, dirB]) {
    const browser = await launchWithExtension({ extensionDir: path.resolve(outDir, 'chrome-mv3'), demoPages });
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await signInThroughOptions(browser, server.url, DEMO_TOKENS.partner);
    await syncUntilDone(options);
    sides.push({ outDir, browser, options, runs: [] as DeltaSyncRun[] });
  }
  for (let r = 0; r < rounds; r++) {
    await addDeltaNeeds(server, DELTA_CLIENT_ID, `A/B need ${r}`);
    for (const side of r % 2 === 0 ? sides : [...sides].reverse()) {
      const run = await measureDelta(side.options);
      if (run.applied !== 100) throw new Error(`${side.outDir} applied ${run.applied} changes, not 100`);
      side.runs.push(run);
    }
  }
  for (const side of sides) {
    const of = (pick: (run: DeltaSyncRun) => number) => distribution(side.runs.map(pick));
    const figures = { deltaSync: of((r) => r.ms), fetchMs: of((r) => r.fetchMs), applyMs: of((r) => r.applyMs), roundTripMs: of((r) => r.roundTripMs) };
    console.log(`${side.outDir}${demoPages ? '' : ' (not routed)'}: ${JSON.stringify(figures)}`);
    await side.browser.context.close();
  }
  console.log(`load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
