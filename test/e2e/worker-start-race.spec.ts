import { expect, test } from '@playwright/test';
import { DEMO_TOKENS } from '../../server/demo/demo-ids';
import { type ExtensionBrowser, launchWithExtension, sidebar, signIn } from './support/browser';
import { startEndpoint } from './support/endpoint';
import { HELD_ORDER, holdWorkerStorage } from './support/storage-hold';

// A tab the worker knows nothing of (a fresh tab; any tab after a worker restart): its frame's port
// can connect before the page's record report, and that report can land while the worker is still
// reading the tab's stored record for the frame. Seen about once in 60 restart-then-open runs; the
// test makes that interleaving certain by holding the worker's storage answers (support/storage-hold).

const NORTHWIND_CONTACT = 'https://app.clio.com/nc/#/contacts/1001';

let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
let browser: ExtensionBrowser;

test.beforeEach(async () => {
  endpoint = await startEndpoint();
  browser = await launchWithExtension();
  await signIn(browser, endpoint.url, DEMO_TOKENS.partner);
  const first = await browser.context.newPage();
  await first.goto(NORTHWIND_CONTACT); // looked up once: the record is cached
  await expect(sidebar(first).getByTestId('bound-record')).toContainText('Northwind Logistics plc');
  await first.close();
});

test.afterEach(async () => {
  await browser?.context.close();
  await endpoint.close();
});

test('a record report that lands while the connecting frame\'s stored record is read is shown, not replaced by "no record"', async () => {
  const held = await holdWorkerStorage(browser.worker);
  const page = await browser.context.newPage();
  await page.goto(NORTHWIND_CONTACT);
  const lens = sidebar(page);
  // The interleaving did happen: the frame's read went out before the report and came back after it.
  await expect.poll(() => held.order(), { timeout: 30_000 }).toEqual([...HELD_ORDER]);
  await expect(lens.getByTestId('bound-record')).toContainText('Clio contact · Northwind Logistics plc');
  // "No record" in the in-page frame is drawn as the waiting panel (it is shown only with a record).
  await expect(lens.locator('main.panel[data-state="waiting"]')).toHaveCount(0);
});
