/**
 * `npx tsx bench/delta-sync-ab.ts <outDirA> <outDirB> [rounds] [--unrouted]` (under the browser lock):
 * the delta sync of two builds side by side. Both browsers stay open against one endpoint with the
 * large book; each round adds 100 needs and both sync them, in alternating order, so both sides see
 * the same load (sequential bench runs minutes apart differ by more than most changes do).
 * `--unrouted`: without the demo-page route (see bench/sync-timings.ts). Figures, not pass/fail.
 */
import path from 'node:path';
import { seedLargeBook } from '../server/demo/large-book';
import { machineLoad, withBenchEndpoint } from './bench-endpoint';
import { launchSignedIn } from './signed-in-browser';
import { distribution } from './stats';
import { addDeltaNeeds, DELTA_CLIENT_ID, type DeltaSyncRun, measureDelta, syncUntilDone } from './sync-timings';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const [dirA, dirB] = args;
const rounds = Number(args[2] ?? 30);
if (!dirA || !dirB) throw new Error('usage: delta-sync-ab.ts <outDirA> <outDirB> [rounds] [--unrouted]');
const demoPages = !process.argv.includes('--unrouted');

await withBenchEndpoint('lens-delta-ab-', async (server) => {
  await seedLargeBook(server.store);
  const sides = [];
  for (const outDir of [dirA, dirB]) {
    const { browser, options } = await launchSignedIn(server.url, { extensionDir: path.resolve(outDir, 'chrome-mv3'), demoPages });
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
  console.log(machineLoad());
});
process.exit(0);
