import { expect, test, vi } from 'vitest';
import type { Page } from 'puppeteer-core';
import { DEMO_TOKENS } from '../../server/demo/demo-ids';
import { extensionTraceInPage } from '../support/extension-trace';
import { elementIn, firefoxPerFile, openPmsPage, sidebarFrame, signInFromSidebar } from './support/firefox';

// The side panel as the placement (test/e2e/sidebar-placement.spec.ts, in Firefox): no content
// script registered, each page given it with its flag once loaded, so no frame ever enters the
// CRM's pages; the toolbar button marks a client's record, and Firefox's sidebar (opened as the
// toolbar button does) shows the active tab's client.

const clio = (id: string) => `https://app.clio.com/nc/#/contacts/${id}`;

const suite = firefoxPerFile();

const traceInPage = (page: Page) => page.evaluate(extensionTraceInPage, 'moz-extension://');

interface FirefoxApi {
  tabs: { query(q: object): Promise<{ id: number }[]> };
  browserAction: { getBadgeText(d: object): Promise<string> };
  sidebarAction: { open(): Promise<void> };
  extension: { getViews(q: object): Window[] };
}

/** The toolbar button's badge on each Clio tab, read from the options tab (an extension page). */
const badges = () => options().evaluate(async () => {
  const api = (globalThis as unknown as { browser: FirefoxApi }).browser;
  const tabs = await api.tabs.query({ url: 'https://app.clio.com/*' });
  return Promise.all(tabs.map((tab) => api.browserAction.getBadgeText({ tabId: tab.id })));
});

function options(): Page {
  if (!suite.firefox.options) throw new Error('not signed in');
  return suite.firefox.options;
}

async function choosePlacement(value: 'page' | 'side-panel'): Promise<void> {
  await (await elementIn(options(), `[data-testid="sidebar-placement"] input[value="${value}"]`)).click();
  await vi.waitFor(async () => {
    if (!(await options().evaluate((v) => (document.querySelector(`[data-testid="sidebar-placement"] input[value="${v}"]`) as HTMLInputElement | null)?.checked, value))) throw new Error('not chosen yet');
  }, { timeout: 10_000, interval: 100 });
}

/**
 * Opens Firefox's sidebar as the toolbar button does: `sidebarAction.open` accepts a real user
 * gesture, and a click on a button in one of the extension's own pages is one (puppeteer's clicks
 * are trusted input). The sidebar is read through `extension.getViews` from that same page.
 */
async function openSidebar(): Promise<void> {
  await options().evaluate(() => {
    const api = (globalThis as unknown as { browser: FirefoxApi }).browser;
    const button = document.createElement('button');
    button.id = 'test-open-sidebar';
    button.textContent = 'Open the sidebar';
    button.addEventListener('click', () => void api.sidebarAction.open());
    document.body.prepend(button);
  });
  await (await elementIn(options(), '#test-open-sidebar')).click();
}

const sidebarHeading = () => options().evaluate(() => {
  const api = (globalThis as unknown as { browser: FirefoxApi }).browser;
  const panel = api.extension.getViews({ type: 'sidebar' })[0];
  return panel ? panel.document.querySelector('h1')?.textContent ?? '(no heading)' : '(no sidebar open)';
});

test('with the side panel as the placement, a Clio record page holds nothing of the extension and Firefox’s sidebar shows its client', async () => {
  const northwind = await openPmsPage(suite.firefox, clio('1001'));
  await signInFromSidebar(suite.firefox, northwind, suite.endpoint.url, DEMO_TOKENS.partner);
  await northwind.reload();
  await expect.poll(async () => (await sidebarFrame(northwind)).evaluate(() => document.querySelector('h1')?.textContent), { timeout: 20_000 }).toBe('Northwind Logistics plc');
  expect(await traceInPage(northwind)).toEqual({ frames: 1, marked: 1, margin: '380px' });

  await choosePlacement('side-panel');
  // The page already open follows at once; the button says the record is a client.
  await expect.poll(() => traceInPage(northwind), { timeout: 15_000 }).toEqual({ frames: 0, marked: 0, margin: '' });
  await expect.poll(badges, { timeout: 15_000 }).toEqual(['●']);

  // A record page opened now never gets a frame: it gets the script once loaded, after its flag.
  const meridian = await openPmsPage(suite.firefox, clio('1004'));
  await expect.poll(badges, { timeout: 20_000 }).toEqual(['●', '●']); // its record was seen and looked up
  expect(await traceInPage(meridian)).toEqual({ frames: 0, marked: 0, margin: '' });
  await meridian.reload();
  await expect.poll(badges, { timeout: 20_000 }).toEqual(['●', '●']);
  expect(await traceInPage(meridian)).toEqual({ frames: 0, marked: 0, margin: '' });

  // Firefox's sidebar shows the active tab's client, and follows an in-page switch.
  await openSidebar();
  await meridian.bringToFront();
  await expect.poll(sidebarHeading, { timeout: 20_000 }).toBe('Meridian Retail Group');
  await meridian.evaluate(() => { location.hash = '#/contacts/1001'; });
  await expect.poll(sidebarHeading, { timeout: 20_000 }).toBe('Northwind Logistics plc');
  expect(await traceInPage(meridian)).toEqual({ frames: 0, marked: 0, margin: '' });

  // Back to the page: the open record page gets its frame again, showing its record.
  await choosePlacement('page');
  await expect.poll(() => traceInPage(meridian), { timeout: 15_000 }).toEqual({ frames: 1, marked: 1, margin: '380px' });
  await expect.poll(async () => (await sidebarFrame(meridian)).evaluate(() => document.querySelector('h1')?.textContent), { timeout: 20_000 }).toBe('Northwind Logistics plc');
  await expect.poll(badges, { timeout: 15_000 }).toEqual(['', '']);
});
