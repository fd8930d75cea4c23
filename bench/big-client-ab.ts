/**
 * `npx tsx bench/big-client-ab.ts <outDirA> <outDirB> [extraNeeds] [rounds]` (under the browser lock):
 * the cached single-page switch to a client with many open needs (Northwind plus `extraNeeds`), in
 * two builds side by side against one endpoint, alternating; a client with 3 needs (1004) is the
 * switch back. Figures, not pass/fail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_TOKENS, NORTHWIND_ID } from '../server/demo/demo-ids';
import { startServer } from '../server/start-server';
import { launchWithExtension, signInThroughOptions } from '../scripts/chromium-with-extension';
import { nextReadyMark, tabShowing } from './paint-timings';
import { distribution } from './stats';
import { addDeltaNeeds } from './sync-timings';

const [dirA, dirB, extra = '500', roundsArg = '10'] = process.argv.slice(2);
if (!dirA || !dirB) throw new Error('usage: big-client-ab.ts <outDirA> <outDirB> [extraNeeds] [rounds]');
const dir = mkdtempSync(path.join(tmpdir(), 'lens-big-client-'));
const server = await startServer({ port: 0, dbPath: path.join(dir, 'firm.sqlite'), seed: true });
try {
  for (let i = 0; i < Number(extra) / 100; i++) await addDeltaNeeds(server, NORTHWIND_ID, `Big client need ${i}`);
  const sides = [];
  for (const outDir of [dirA, dirB]) {
    const browser = await launchWithExtension({ extensionDir: path.resolve(outDir, 'chrome-mv3') });
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await signInThroughOptions(browser, server.url, DEMO_TOKENS.partner);
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
  console.log(`load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
