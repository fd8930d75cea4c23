import { expect, type Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEMO_RECORDS, DEMO_TOKENS } from '../../server/demo/demo-ids';
import { sidebar } from './support/browser';
import { signedInPerTest } from './support/signed-in';
import { SCREENSHOTS } from './support/paths';
import { NORTHWIND_SALESFORCE_ID, routePmsPages } from './support/pms-pages';

// Record pages of three systems at their real URLs (routed, nothing leaves the machine): the
// built-in plug-ins detect them in the real content script and the sidebar shows the firm's client.

const session = signedInPerTest(DEMO_TOKENS.partner, (b) => routePmsPages(b.context));

const northwind = { level: 1, name: 'Northwind Logistics plc' } as const;

test('shows Northwind beside a Salesforce Lightning account page', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`https://acme.lightning.force.com/lightning/r/Account/${NORTHWIND_SALESFORCE_ID}/view`);
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', northwind)).toBeVisible();
  await expect(lens.getByTestId('bound-record')).toContainText(`Salesforce client · Northwind Logistics plc (${NORTHWIND_SALESFORCE_ID})`);
  await expect(lens.getByTestId('active-secondees')).toContainText('Sam Okafor');
  // The frame makes room on the page instead of covering the record.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe('380px');
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'plugins-salesforce.png') });
});

test('reads a 15-character Salesforce id in the URL as the same account', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`https://acme.lightning.force.com/lightning/r/Account/${NORTHWIND_SALESFORCE_ID.slice(0, 15)}/view`);
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', northwind)).toBeVisible();
  await expect(lens.getByTestId('bound-record')).toContainText(`(${NORTHWIND_SALESFORCE_ID})`);
});

test('shows Northwind beside a HubSpot company page', async () => {
  const page = await session.browser.context.newPage();
  const { tenant, externalId } = DEMO_RECORDS.northwindHubspotCompany;
  await page.goto(`https://app.hubspot.com/contacts/${tenant}/record/0-2/${externalId}`);
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', northwind)).toBeVisible();
  await expect(lens.getByTestId('bound-record')).toContainText(`HubSpot client · Northwind Logistics plc (${externalId})`);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'plugins-hubspot.png') });
});

test('shows Northwind beside a Clio matter page', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`https://app.clio.com/nc/#/matters/${DEMO_RECORDS.northwindClioMatter.externalId}`);
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', northwind)).toBeVisible();
  await expect(lens.getByTestId('bound-record')).toContainText('Clio matter · 00042-Northwind – Warehouse leases (5001)');
});

/** Records, as the page sees it, where the document stood when the sidebar frame was inserted. */
async function watchFrameInsertion(page: Page): Promise<void> {
  await page.addInitScript(() => {
    new MutationObserver((mutations, observer) => {
      if (!mutations.some((m) => [...m.addedNodes].some((n) => n instanceof HTMLIFrameElement && n.hasAttribute('data-secondment-lens')))) return;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      (window as unknown as { lensFrameInserted: object }).lensFrameInserted = { readyState: document.readyState, afterLoadEvent: (nav?.loadEventEnd ?? 0) > 0 };
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
}
const frameInserted = (page: Page) => page.evaluate(() => (window as unknown as { lensFrameInserted?: { readyState: string; afterLoadEvent: boolean } }).lensFrameInserted ?? null);

test('a record page loads the sidebar with the page; a list page only after its load event, ready for a record', async () => {
  const recordPage = await session.browser.context.newPage();
  await watchFrameInsertion(recordPage);
  await recordPage.goto(`https://acme.lightning.force.com/lightning/r/Account/${NORTHWIND_SALESFORCE_ID}/view`);
  await expect(sidebar(recordPage).getByRole('heading', northwind)).toBeVisible();
  expect(await frameInserted(recordPage)).toEqual({ readyState: 'interactive', afterLoadEvent: false });

  const page = await session.browser.context.newPage();
  await watchFrameInsertion(page);
  await page.goto('https://acme.lightning.force.com/lightning/o/Account/list');
  await expect(page.getByRole('heading', { name: 'Accounts' })).toBeVisible();
  const frame = page.locator('iframe[data-secondment-lens]');
  await expect(frame).toHaveCount(1);
  expect(await frameInserted(page)).toEqual({ readyState: 'complete', afterLoadEvent: true });
  await expect(frame).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.style.marginRight)).toBe('');
  // Loaded while the page shows no record, the frame waits: shown at the switch below, it must not
  // flash "No client record on this page" until the background has heard of the record.
  await expect(sidebar(page).locator('main.panel')).toHaveAttribute('data-state', 'waiting');
  // An in-page switch to a record shows it in the frame already loaded.
  await page.getByRole('link', { name: 'Northwind Logistics plc' }).click();
  await expect(sidebar(page).getByRole('heading', northwind)).toBeVisible();
  await expect(frame).toHaveCount(1);
});

test('stays hidden on a host that only looks like a PMS', async () => {
  const page = await session.browser.context.newPage();
  await session.browser.context.route('https://app.hubspot.com.evil.example/**', (r) => r.fulfill({ contentType: 'text/html', body: '<h1>Not HubSpot</h1>' }));
  await page.goto(`https://app.hubspot.com.evil.example/contacts/4455667/record/0-2/12345001`);
  await expect(page.getByRole('heading', { name: 'Not HubSpot' })).toBeVisible();
  await expect(page.locator('iframe[data-secondment-lens]')).toHaveCount(0); // no content script at all
});
