/**
 * `npx tsx bench/big-client-ab.ts <outDirA> <outDirB> [extraNeeds] [rounds]` (under the browser lock):
 * the cached single-page switch to a client with many open needs (Northwind plus `extraNeeds`), in
 * two builds side by side against one endpoint, alternating; a client with 3 needs (1004) is the
 * switch back. Figures, not pass/fail.
 */
import path from 'node:path';
import { NORTHWIND_ID } from '../server/demo/demo-ids';
import { machineLoad, withBenchEndpoint } from './bench-endpoint';
import { nextReadyMark, tabShowing } from './paint-timings';
import { launchSignedIn } from './signed-in-browser';
import { distribution } from './stats';
import { addDeltaNeeds } from './sync-timings';

const [dirA, dirB, extra = '500', roundsArg = '10'] = process.argv.slice(2);
if (!dirA || !dirB) throw new Error('usage: big-client-ab.ts <outDirA> <outDirB> [extraNeeds] [rounds]');
await withBenchEndpoint('lens-big-client-', async (server) => {
  for (let i = 0; i < Number(extra) / 100; i++) await addDeltaNeeds(server, NORTHWIND_ID, `Big client need ${i}`);
  const sides = [];
  for (const outDir of [dirA, dirB]) {
    const { browser } = await launchSignedIn(server.url, { extensionDir: path.resolve(outDir, 'chrome-mv3') });
    await (await tabShowing(browser, 1001)).page.close(); // Northwind looked up once: cached
    sides.push({ outDir, browser, toBig: [] as number[] });
  }
  for (let r = 0; r < Number(roundsArg); r++) {
    for (const side of r % 2 === 0 ? sides : [...sides].reverse()) {
      const tab = await tabShowing(side.browser, 1004);
      await tab.page.waitForTimeout(300);
      const waiting = nextReadyMark(tab.frame, tab.clientId, true);
      const start = await tab.page.evaluate(() => {
        const t0 = performance.timeOrigin + performance.now();
        location.hash = '#/contacts/1001';
        return t0;
      });
      side.toBig.push((await waiting).at - start);
      await tab.page.close();
    }
  }
  for (const side of sides) {
    console.log(`${side.outDir}: switch to Northwind with ${extra} more needs ${JSON.stringify(distribution(side.toBig))}`);
    await side.browser.context.close();
  }
  console.log(machineLoad());
});
process.exit(0);
