import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { extensionTraceInPage } from '../support/extension-trace';
import { SCREENSHOTS } from './support/paths';
import { sidebar } from './support/browser';
import { signedInPerTest } from './support/signed-in';
import { openSidePanel, readSidePanel } from './support/side-panel';

// The `sidebarPlacement` setting: with the side panel as the placement, nothing of Secondment Lens
// is inserted into the CRM's pages (no frame, no margin); the browser's side panel shows the record
// of the active tab. Chosen in the options page; pages already open follow at once.

const clio = (id: string) => `https://app.clio.com/nc/#/contacts/${id}`;

const session = signedInPerTest();

const traceInPage = (page: Page) => page.evaluate(extensionTraceInPage, 'chrome-extension://');

/** The toolbar button's badge on each Clio tab, as the worker sees it. */
const badges = () => session.browser.worker.evaluate(async () => {
  const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> }; action: { getBadgeText(d: object): Promise<string> } } }).chrome;
  const tabs = await chrome.tabs.query({ url: 'https://app.clio.com/*' });
  return Promise.all(tabs.map((tab) => chrome.action.getBadgeText({ tabId: tab.id })));
});

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

  const options = await context.newPage();
  await choosePlacement(options, extensionId, /Only in the browser’s side panel/);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await options.getByTestId('sidebar-placement').screenshot({ path: path.join(SCREENSHOTS, 'options-sidebar-placement.png') });
  // The page already open follows at once: its frame and the room made for it go.
  await expect.poll(() => traceInPage(northwind)).toEqual({ frames: 0, marked: 0, margin: '' });
  // The toolbar button now says the record is a client (nothing of the client on it).
  await expect.poll(badges).toEqual(['●']);

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
});
