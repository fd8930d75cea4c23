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

/** The worker's marks for record reports the frame passed on: whether each was acted on. */
const frameReports = () => browser.worker.evaluate(() =>
  performance.getEntriesByName('lens:frame-report').map((m) => Boolean((m as PerformanceMark).detail?.acted)));

/**
 * Switches back and forth until the worker has acted on a report the frame passed on, after the
 * `since`th mark. Each switch sends two reports (the URL's, then the label once the page rendered),
 * and the frame's copy comes first nearly always (a trace: by 1–11 ms), not always: a busy machine
 * can let the runtime message overtake it now and then.
 */
async function switchUntilFrameActs(page: Page, since: number): Promise<boolean> {
  const clients = [[1002, 'Harbor Biotech Ltd'], [1001, 'Northwind Logistics plc']] as const;
  for (let i = 0; i < 6; i++) {
    const [id, name] = clients[i % 2]!;
    await switchTo(page, id, name);
    await page.waitForTimeout(100); // the label's report
    if ((await frameReports()).slice(since).some(Boolean)) return true;
  }
  return false;
}

test('a record switch reaches the worker through the frame first, and a report the host page forges there is refused', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://app.clio.com/nc/#/contacts/1001');
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();

  // The content script's report, passed on by the frame renderer to renderer, was acted on: the
  // runtime message's copy came second (lib/background/record-reports.ts).
  expect(await switchUntilFrameActs(page, 0)).toBe(true);
  await switchTo(page, 1002, 'Harbor Biotech Ltd');
  await page.waitForTimeout(100);

  // The host page hands the frame a port of its own, with a made-up nonce, and reports Meridian
  // (1004) while it shows Harbor: the frame passes it on (it cannot tell), the worker refuses it.
  const before = await frameReports();
  await page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[data-secondment-lens]');
    const channel = new MessageChannel();
    frame?.contentWindow?.postMessage({ type: 'cs.lane', nonce: '0123456789abcdef0123456789abcdef' }, '*', [channel.port2]);
    channel.port1.postMessage({ type: 'cs.record', n: 1_000, ref: { system: 'clio', kind: 'contact', externalId: '1004' } });
  });
  await expect.poll(async () => (await frameReports()).slice(before.length)).toEqual([false]);
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Harbor Biotech Ltd' })).toBeVisible();
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Meridian' })).toHaveCount(0);

  // The content script's own port still works beside the page's.
  expect(await switchUntilFrameActs(page, before.length + 1)).toBe(true);
});
