/**
 * `npx tsx bench/full-sync-ab.ts <outDir>… [--rounds=N] [--lookups=N]` (under the browser lock): the
 * full sync of several builds against one endpoint with the large book, round by round in rotating
 * order (sequential bench runs minutes apart differ by more than most changes do). After each sync,
 * single-page switches to clients the sync brought but nobody has opened yet: what the first look
 * in the cache costs (it folds every chunk holding the client); `--lookups=0` opens no page. Figures,
 * not pass/fail. `--replay`: every side gets the feed from the replay proxy (bench/feed-replay-proxy.ts,
 * recorded by one unmeasured sync of the first build first), so that the endpoint's work on the
 * shared cores neither adds to nor varies the figures: what is left is the extension's own cost.
 */
import path from 'node:path';
import { seedLargeBook } from '../server/demo/large-book';
import { routeDemoPages } from '../scripts/chromium-with-extension';
import { machineLoad, withBenchEndpoint } from './bench-endpoint';
import { startFeedReplayProxy } from './feed-replay-proxy';
import { nextReadyMark, tabShowing } from './paint-timings';
import { distribution } from './stats';
import { fullSyncOnce } from './sync-timings';

const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flag = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const rounds = flag('rounds', 4);
const lookups = flag('lookups', 6);
const replay = process.argv.includes('--replay');
if (dirs.length < 2) throw new Error('usage: full-sync-ab.ts <outDirA> <outDirB>… [--rounds=N] [--lookups=N] [--replay]');

/** Large-book clients (Clio contacts 100000 + i) opened after a sync: each side and round its own, never one seen before. */
let nextFresh = 17;
const freshContact = () => 100_000 + (nextFresh += 331) % 20_000;

type Run = { ms: number; applyMs: number; validateMs: number; diskMB: number; firstLook: number[] };
const results = new Map<string, Run[]>(dirs.map((d) => [d, []]));
await withBenchEndpoint('lens-full-ab-', async (server) => {
  await seedLargeBook(server.store);
  const proxy = replay ? await startFeedReplayProxy(server.url) : null;
  if (proxy) await (await fullSyncOnce(proxy.url, path.resolve(dirs[0]!, 'chrome-mv3'))).browser.context.close();
  const endpointUrl = proxy?.url ?? server.url;
  for (let r = 0; r < rounds; r++) {
    const order = dirs.map((_, i) => dirs[(i + r) % dirs.length]!);
    for (const outDir of order) {
      const { browser, run } = await fullSyncOnce(endpointUrl, path.resolve(outDir, 'chrome-mv3'));
      try {
        const firstLook: number[] = [];
        // `--lookups=0`: the sync alone (a build whose reads are broken on purpose can be measured).
        const tab = lookups > 0 ? (await routeDemoPages(browser.context), await tabShowing(browser, 1001)) : null;
        for (let i = 0; tab && i < lookups; i++) {
          await tab.page.waitForTimeout(300);
          const waiting = nextReadyMark(tab.frame, tab.clientId, true);
          const start = await tab.page.evaluate((id) => {
            const t0 = performance.timeOrigin + performance.now();
            location.hash = `#/contacts/${id}`;
            return t0;
          }, freshContact());
          const ready = await waiting;
          firstLook.push(ready.at - start);
          tab.clientId = ready.clientId;
        }
        results.get(outDir)!.push({ ms: run.ms, applyMs: run.applyMs, validateMs: run.validateMs, diskMB: run.diskBytes / 1e6, firstLook });
        console.error(`round ${r + 1} ${outDir}: ${run.ms} ms, first looks ${firstLook.map((v) => v.toFixed(0)).join(' ')}`);
      } finally {
        await browser.context.close();
      }
    }
  }
  for (const [outDir, runs] of results) {
    const of = (pick: (run: Run) => number) => distribution(runs.map(pick));
    console.log(`${outDir}: ${JSON.stringify({ fullSync: of((r) => r.ms), applyMs: of((r) => r.applyMs), validateMs: of((r) => r.validateMs), diskMB: of((r) => r.diskMB), firstLook: distribution(runs.flatMap((r) => r.firstLook)) })}`);
  }
  if (proxy) console.log(`feed pages replayed ${proxy.counts.replayed}, forwarded ${proxy.counts.forwarded}`);
  console.log(machineLoad());
  await proxy?.close();
});
process.exit(0);
