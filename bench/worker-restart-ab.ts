/**
 * `npx tsx bench/worker-restart-ab.ts <outDir>... [--rounds=N]` (under the browser lock): what a
 * build's service worker costs at a restart. Chrome stops an MV3 worker after ~30 s idle and starts
 * it again (its script parsed and run again) for the next record a lawyer opens, the most frequent
 * path. All builds stay open against one endpoint, record 1001 looked up once (cached); each round,
 * in alternating order, every build opens 1001 in a fresh tab twice: once with its worker just
 * stopped (CDP `ServiceWorker.stopAllWorkers`), once with it running. Per build: navigation start →
 * the sidebar's `lens:ready` mark, both ways, and the worker's start as CDP reports it (status
 * `starting` → `running`, which Chrome reports once the script has been evaluated). Figures, not pass/fail.
 */
import path from 'node:path';
import type { CDPSession } from '@playwright/test';
import type { ExtensionBrowser } from '../scripts/chromium-with-extension';
import { machineLoad, withBenchEndpoint } from './bench-endpoint';
import { nextReadyMark, RECORD, sidebarFrame, tabShowing } from './paint-timings';
import { launchSignedIn } from './signed-in-browser';
import { distribution } from './stats';

const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 12);
if (dirs.length === 0) throw new Error('usage: worker-restart-ab.ts <outDir>... [--rounds=N]');

type Status = { runningStatus: string; scriptURL: string };

/** Watches the extension's worker through CDP: stops it, and times its next start. */
async function workerWatch(browser: ExtensionBrowser) {
  const page = await browser.context.newPage(); // the CDP session's page, kept open
  const cdp: CDPSession = await browser.context.newCDPSession(page);
  const seen: { status: string; at: number }[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Status[] }) => {
    for (const v of versions) if (v.scriptURL.includes(browser.extensionId)) seen.push({ status: v.runningStatus, at: performance.now() });
  });
  await cdp.send('ServiceWorker.enable');
  const waitFor = async (status: string, after: number) => {
    for (let i = 0; i < 1000 && !seen.slice(after).some((s) => s.status === status); i++) await page.waitForTimeout(5);
    const found = seen.slice(after).find((s) => s.status === status);
    if (!found) throw new Error(`the worker never reported ${status}`);
    return found.at;
  };
  return {
    async stop() {
      const from = seen.length;
      await cdp.send('ServiceWorker.stopAllWorkers');
      await waitFor('stopped', from);
      return seen.length;
    },
    /** ms from `starting` to `running` after the event index `from`. */
    async startMs(from: number) {
      return (await waitFor('running', from)) - (await waitFor('starting', from));
    },
  };
}

/** Navigation start → the cached context on screen, in a fresh tab; null (and why) if not within 20 s. */
async function openRecord(browser: ExtensionBrowser, label: string): Promise<number | null> {
  const tab = await browser.context.newPage();
  try {
    await tab.goto(RECORD(1001), { waitUntil: 'commit' });
    const frame = await sidebarFrame(tab);
    const ready = await Promise.race([nextReadyMark(frame, null), tab.waitForTimeout(20_000).then(() => null)]);
    if (!ready) {
      console.error(`${label}: no lens:ready within 20 s; the sidebar shows: ${(await frame.locator('body').innerText()).slice(0, 120)}`);
      return null;
    }
    return ready.at - (await tab.evaluate(() => performance.timeOrigin));
  } finally {
    await tab.close();
  }
}

type Side = {
  outDir: string;
  browser: ExtensionBrowser;
  watch: Awaited<ReturnType<typeof workerWatch>>;
  restarted: number[];
  running: number[];
  workerStart: number[];
  missed: number;
};

await withBenchEndpoint('lens-worker-restart-', async (server) => {
  const sides: Side[] = [];
  for (const outDir of dirs) {
    const { browser, options } = await launchSignedIn(server.url, { extensionDir: path.resolve(outDir, 'chrome-mv3') });
    await (await tabShowing(browser, 1001)).page.close(); // looked up once: cached
    await options.close(); // an open options page could reconnect to a stopped worker and start it before the tab does
    sides.push({ outDir, browser, watch: await workerWatch(browser), restarted: [] as number[], running: [] as number[], workerStart: [] as number[], missed: 0 });
  }
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const from = await side.watch.stop();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const ms = await openRecord(side.browser, side.outDir);
      if (ms === null) side.missed++;
      else side.restarted.push(ms), side.workerStart.push(await side.watch.startMs(from));
    }
    for (const side of order) {
      const ms = await openRecord(side.browser, side.outDir);
      if (ms === null) side.missed++;
      else side.running.push(ms);
    }
  }
  for (const side of sides) {
    const figures = { afterRestart: distribution(side.restarted), running: distribution(side.running), workerStart: distribution(side.workerStart), missed: side.missed };
    console.log(`${side.outDir}: ${JSON.stringify(figures)}`);
    await side.browser.context.close();
  }
  console.log(machineLoad());
});
process.exit(0);
