import { expect, type Page, test } from '@playwright/test';
import { DEMO_RECORDS, DEMO_TOKENS, NORTHWIND_ID } from '../../server/demo/demo-ids';
import { type ExtensionBrowser, launchWithExtension, sidebar, signIn } from './support/browser';
import { startEndpoint } from './support/endpoint';
import { startGateProxy } from './support/gate-proxy';
import { NORTHWIND_SALESFORCE_ID, routePmsPages } from './support/pms-pages';

// Single-page apps change records without loading a page: the sidebar must follow each step,
// hide on lists, and never show the previous record's late answer on the next record.

let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
let gate: Awaited<ReturnType<typeof startGateProxy>>;
let browser: ExtensionBrowser;

test.beforeEach(async () => {
  endpoint = await startEndpoint();
  (await endpoint.store.addMapping(NORTHWIND_ID, { ...DEMO_RECORDS.northwindSalesforceAccount, externalId: NORTHWIND_SALESFORCE_ID }));
  gate = await startGateProxy(endpoint.url);
  browser = await launchWithExtension();
  await routePmsPages(browser.context);
  await signIn(browser, gate.url, DEMO_TOKENS.partner);
});

test.afterEach(async () => {
  await browser.context.close();
  await gate.close();
  await endpoint.close();
});

const frameOf = (page: Page) => page.locator('iframe[data-secondment-lens]');

/** Marks the document, so that the test can prove no step reloaded the page. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { lensTestMark: number }).lensTestMark = 1));
}
const stillSameDocument = (page: Page) => page.evaluate(() => (window as unknown as { lensTestMark?: number }).lensTestMark === 1);

test('follows Clio record → record → list → record in one page (hash navigation)', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://app.clio.com/nc/#/contacts/1001');
  await markDocument(page);
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  await expect(lens.getByTestId('bound-record')).toContainText('Clio contact · Northwind Logistics plc (1001)');

  await page.getByRole('link', { name: 'Harbor Biotech Ltd' }).click();
  await expect(lens.getByRole('heading', { level: 1, name: 'Harbor Biotech Ltd' })).toBeVisible();
  await expect(lens.getByTestId('bound-record')).toContainText('Clio contact · Harbor Biotech Ltd (1002)');

  await page.getByRole('link', { name: 'Contacts', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Contacts' })).toBeVisible();
  await expect(frameOf(page)).toBeHidden();

  await page.getByRole('link', { name: 'Northwind – Warehouse leases' }).click();
  await expect(frameOf(page)).toBeVisible();
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  await expect(lens.getByTestId('bound-record')).toContainText('Clio matter · 00042-Northwind – Warehouse leases (5001)');
  expect(await stillSameDocument(page)).toBe(true);
});

test('follows Salesforce record → record → list → back (pushState and popstate)', async () => {
  const page = await browser.context.newPage();
  await page.goto(`https://acme.lightning.force.com/lightning/r/Account/${NORTHWIND_SALESFORCE_ID}/view`);
  await markDocument(page);
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();

  // An account the firm has no client for; Lightning keeps Northwind's page hidden in the DOM.
  await page.getByRole('link', { name: 'Contoso Freight Ltd' }).click();
  await expect(lens.getByRole('heading', { name: 'Not a client we know' })).toBeVisible();
  await expect(lens.getByTestId('bound-record')).toContainText('Salesforce client · Contoso Freight Ltd (001Dn00000AbCdFIAV)');

  await page.getByRole('link', { name: 'Accounts' }).click();
  await expect(frameOf(page)).toBeHidden();

  await page.goBack(); // popstate back to Contoso
  await page.goBack(); // and to Northwind
  await expect(frameOf(page)).toBeVisible();
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  await expect(lens.getByTestId('bound-record')).toContainText(`Salesforce client · Northwind Logistics plc (${NORTHWIND_SALESFORCE_ID})`);
  expect(await stillSameDocument(page)).toBe(true);
});

test('never shows the previous record’s late answer on the next record', async () => {
  const page = await browser.context.newPage();
  // Northwind's context is held at the proxy: its answer comes only when the test says so.
  gate.hold(new RegExp(`/v1/clients/${NORTHWIND_ID}/context`));
  await page.goto(`https://app.clio.com/nc/#/contacts/${DEMO_RECORDS.northwindClioContact.externalId}`);
  const lens = sidebar(page);
  // Bound to Northwind (shown from the synced cache, or as loading) while its answer is held.
  await expect(lens.getByTestId('bound-record')).toContainText('Clio contact · Northwind Logistics plc (1001)');
  await expect.poll(() => gate.heldPaths().length).toBe(1);

  await page.getByRole('link', { name: 'Harbor Biotech Ltd' }).click();
  await expect(lens.getByRole('heading', { level: 1, name: 'Harbor Biotech Ltd' })).toBeVisible();

  // Northwind's answer now arrives, late. The extension has already given up on that request.
  expect(gate.release()).toBe(1);
  // Give a late answer every chance to land, then check it did not.
  await page.waitForTimeout(1_000);
  await expect(lens.getByRole('heading', { level: 1, name: 'Harbor Biotech Ltd' })).toBeVisible();
  await expect(lens.getByTestId('bound-record')).toContainText('Clio contact · Harbor Biotech Ltd (1002)');
  await expect(lens.getByText('Northwind Logistics plc')).toHaveCount(0);
  await expect(lens.getByText('Sam Okafor')).toHaveCount(0); // Northwind's secondee
});
