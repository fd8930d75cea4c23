import { expect, type Frame, type Page, test } from '@playwright/test';
import { DEMO_TOKENS } from '../../server/demo/demo-ids';
import { type ExtensionBrowser, launchWithExtension, sidebar, signIn } from './support/browser';
import { startEndpoint } from './support/endpoint';
import { stopServiceWorkers } from './support/service-worker';

// The sidebar's views come on its lane (a MessagePort the page gave the worker, off the browser
// process: lib/background/sidebar-lanes.ts) once it is paired, and again after the worker restarts.

let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
let browser: ExtensionBrowser;

test.beforeEach(async () => {
  endpoint = await startEndpoint();
  browser = await launchWithExtension();
  await signIn(browser, endpoint.url, DEMO_TOKENS.partner);
});

test.afterEach(async () => {
  await browser.context.close();
  await endpoint.close();
});

function sidebarFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().endsWith('/sidebar.html'));
  if (!frame) throw new Error('no sidebar frame');
  return frame;
}

/** How the sidebar's latest view reached it ('lane' or 'port'), from its own User Timing mark. */
const lastViewVia = (frame: Frame) =>
  frame.evaluate(() => (performance.getEntriesByName('lens:view-received').at(-1) as PerformanceMark | undefined)?.detail?.via as string | undefined);

async function switchTo(page: Page, id: number, name: string): Promise<void> {
  await page.evaluate((to) => (location.hash = `#/contacts/${to}`), id);
  await expect(sidebar(page).getByRole('heading', { level: 1, name })).toBeVisible();
}

test('after the first view, a record switch reaches the sidebar on its lane, and does again after the worker restarts', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://app.clio.com/nc/#/contacts/1001');
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  const frame = sidebarFrame(page);

  await switchTo(page, 1002, 'Harbor Biotech Ltd');
  await expect.poll(() => lastViewVia(frame)).toBe('lane');

  await stopServiceWorkers(browser.context, page);
  // The page reconnects (waking the worker) and offers a new lane; the old one died with the worker.
  await switchTo(page, 1001, 'Northwind Logistics plc');
  await switchTo(page, 1002, 'Harbor Biotech Ltd');
  await expect.poll(() => lastViewVia(frame)).toBe('lane');
  expect(await frame.evaluate(() => performance.getEntriesByName('lens:view-received').filter((m) => (m as PerformanceMark).detail?.via === 'port').length)).toBeGreaterThan(0);
});
