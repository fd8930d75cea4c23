import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { extensionTraceInPage } from '../support/extension-trace';
import { SCREENSHOTS } from './support/paths';
import { PAGE_SCRIPT_ID, registeredContentScripts, sidebar } from './support/browser';
import { signedInPerTest } from './support/signed-in';
import { openSidePanel, readSidePanel } from './support/side-panel';

// The `sidebarPlacement` setting: with the side panel as the placement, nothing of Secondment Lens
// is inserted into the CRM's pages (no frame, no margin); the browser's side panel shows the record
// of the active tab. Chosen in the options page; pages already open follow at once. Nothing of ours
// runs while a CRM page loads then: the content script is injected once the page has loaded.

const clio = (id: string) => `https://app.clio.com/nc/#/contacts/${id}`;

const session = signedInPerTest();

const traceInPage = (page: Page) => page.evaluate(extensionTraceInPage, 'chrome-extension://');

/** The toolbar button's badge on each Clio tab, as the worker sees it. */
const badges = () => session.browser.worker.evaluate(async () => {
  const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> }; action: { getBadgeText(d: object): Promise<string> } } }).chrome;
  const tabs = await chrome.tabs.query({ url: 'https://app.clio.com/*' });
  return Promise.all(tabs.map((tab) => chrome.action.getBadgeText({ tabId: tab.id })));
});

/** The worker's content-script registrations, as `id runAt`. */
const registrations = async () => (await registeredContentScripts(session.browser.worker)).map((s) => `${s.id} ${s.runAt}`);

async function choosePlacement(page: Page, extensionId: string, label: RegExp | string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const choice = page.getByRole('radio', { name: label });
  await choice.check();
  await expect(choice).toBeChecked();
}

test('with the side panel as the placement, the CRM page holds nothing of the extension and the panel follows the record', async () => {
  const { extensionId, context } = session.browser;
  const northwind = await context.newPage();
  await northwind.goto(clio('1001'));
  await expect(sidebar(northwind).getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  expect(await traceInPage(northwind)).toEqual({ frames: 1, marked: 1, margin: '380px' });
  expect(await badges()).toEqual(['']); // the frame shows it: the button stays plain
  // The frame is on its way while the page loads: the content script is registered at document_end.
  expect(await registrations()).toEqual(['lens-content document_end']);

  const options = await context.newPage();
  await choosePlacement(options, extensionId, /Only in the browser’s side panel/);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await options.getByTestId('sidebar-placement').screenshot({ path: path.join(SCREENSHOTS, 'options-sidebar-placement.png') });
  // The page already open follows at once: its frame and the room made for it go.
  await expect.poll(() => traceInPage(northwind)).toEqual({ frames: 0, marked: 0, margin: '' });
  // The toolbar button now says the record is a client (nothing of the client on it).
  await expect.poll(badges).toEqual(['●']);
  // Nothing of ours is registered to run while a CRM page loads: the script comes once it has loaded.
  await expect.poll(registrations).toEqual([]);

  // A record page opened now never gets a frame; the side panel shows its client.
  const meridian = await context.newPage();
  await meridian.goto(clio('1004'));
  const opener = await openSidePanel(session.browser);
  await meridian.bringToFront();
  await expect.poll(async () => (await readSidePanel(opener)).heading).toBe('Meridian Retail Group');
  await expect.poll(badges).toEqual(['●', '●']);
  // An in-page switch to another record: the panel follows, the page still holds nothing.
  await meridian.evaluate(() => { location.hash = '#/contacts/1001'; });
  await expect.poll(async () => (await readSidePanel(opener)).heading).toBe('Northwind Logistics plc');
  expect(await traceInPage(meridian)).toEqual({ frames: 0, marked: 0, margin: '' });
  await meridian.screenshot({ path: path.join(SCREENSHOTS, 'page-with-side-panel-placement.png') });
  await meridian.reload();
  await expect.poll(async () => (await readSidePanel(opener)).heading).toBe('Northwind Logistics plc');
  expect(await traceInPage(meridian)).toEqual({ frames: 0, marked: 0, margin: '' });

  // Back to the page: the open record page gets its frame again, showing its record.
  await choosePlacement(options, extensionId, 'Beside the record, in the CRM page');
  await expect(sidebar(meridian).getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  expect(await traceInPage(meridian)).toEqual({ frames: 1, marked: 1, margin: '380px' });
  await expect.poll(badges).toEqual(['', '']);
  expect(await registrations()).toEqual(['lens-content document_end']);
});

test('with the side panel as the placement, nothing of the extension runs in a CRM page before its load event; with the frame, it does', async () => {
  const { extensionId, context } = session.browser;
  /** What the page's DevTools session saw, in order: our isolated world made, the page's load event. */
  const openAndWatch = async (id: string) => {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const seen: string[] = [];
    cdp.on('Page.loadEventFired', () => seen.push('load'));
    cdp.on('Runtime.executionContextCreated', ({ context: made }) => {
      if (made.auxData?.type === 'isolated' && (made.origin.includes(extensionId) || made.name === 'Secondment Lens')) seen.push('extension');
    });
    await cdp.send('Page.enable');
    await cdp.send('Runtime.enable');
    await page.goto(clio(id));
    await expect.poll(() => seen.includes('extension') && seen.includes('load')).toBe(true);
    return { page, seen };
  };

  const framed = await openAndWatch('1001');
  expect(framed.seen).toEqual(['extension', 'load']);

  const options = await context.newPage();
  await choosePlacement(options, extensionId, /Only in the browser’s side panel/);
  await expect.poll(registrations).toEqual([]);
  const paneled = await openAndWatch('1004');
  expect(paneled.seen).toEqual(['load', 'extension']);
  // Injected once loaded, the content script still follows the record for the side panel.
  const opener = await openSidePanel(session.browser);
  await paneled.page.bringToFront();
  await expect.poll(async () => (await readSidePanel(opener)).heading).toBe('Meridian Retail Group');
  expect(await traceInPage(paneled.page)).toEqual({ frames: 0, marked: 0, margin: '' });
});

test('with the frame, a record page that loaded while the registration was missing (as after an update) gets its sidebar once loaded', async () => {
  const { context, worker } = session.browser;
  await worker.evaluate(async (id) => {
    const chrome = (globalThis as unknown as { chrome: { scripting: { unregisterContentScripts(f: object): Promise<void> } } }).chrome;
    await chrome.scripting.unregisterContentScripts({ ids: [id] });
  }, PAGE_SCRIPT_ID);
  expect(await registrations()).toEqual([]);
  const page = await context.newPage();
  await page.goto(clio('1001'));
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  expect(await traceInPage(page)).toEqual({ frames: 1, marked: 1, margin: '380px' });
  // One copy of the script: an in-page switch is followed, and still one frame.
  await page.evaluate(() => { location.hash = '#/contacts/1004'; });
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Meridian Retail Group' })).toBeVisible();
  expect(await traceInPage(page)).toEqual({ frames: 1, marked: 1, margin: '380px' });
});
