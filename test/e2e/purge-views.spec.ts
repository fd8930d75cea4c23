import { expect, test } from '@playwright/test';
import { DEMO_TOKENS, DEMO_USERS, NORTHWIND_ID } from '../../server/demo/demo-ids';
import { sidebar } from './support/browser';
import { expectConfirmedByEndpoint } from './support/confirmed';
import { readCache, readProjectionText } from './support/cache-probe';
import { signedInPerTest } from './support/signed-in';
import { openSidePanel, readSidePanel } from './support/side-panel';

// A purge reaches every view at once (each tab's frame and the side panel) and stays purged.

const session = signedInPerTest(DEMO_TOKENS.secondee);

test('a revoke from sync reaches two tabs and the side panel at once, and a re-bind does not bring the client back', async () => {
  const { browser, endpoint } = session;
  const contact = await browser.context.newPage();
  await contact.goto('https://app.clio.com/nc/#/contacts/1001');
  await expect(sidebar(contact).getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  const matter = await browser.context.newPage();
  await matter.goto('https://app.clio.com/nc/#/matters/5001');
  await expect(sidebar(matter).getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  const panel = await openSidePanel(browser);
  await matter.bringToFront();
  await expect.poll(async () => (await readSidePanel(panel)).heading).toBe('Northwind Logistics plc');

  (await endpoint.store.raiseWall(DEMO_USERS.secondee.id, NORTHWIND_ID));
  // The periodic sync, now (no page opened: the panel keeps following the matter's tab). The feed
  // brings access.revoke.
  await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { alarms: { create(n: string, a: object): void } } }).chrome.alarms.create('lens.sync', { when: Date.now() + 10 }));

  for (const page of [contact, matter]) {
    const lens = sidebar(page);
    await expect(lens.getByRole('heading', { level: 1, name: 'Restricted' })).toBeVisible();
    await expect(lens.locator('body')).toContainText('This client is not available to you');
    await expect(lens.locator('body')).not.toContainText('Northwind');
  }
  await expect.poll(async () => (await readSidePanel(panel)).heading).toBe('Restricted');
  expect((await readSidePanel(panel)).text).not.toContain('Northwind');
  expect((await readCache(browser.worker)).clientIds).not.toContain(NORTHWIND_ID);

  // The panel is re-bound to the other tab, and back: each re-push is still "restricted".
  await contact.bringToFront();
  await expect.poll(async () => (await readSidePanel(panel)).heading).toBe('Restricted');
  await matter.bringToFront();
  await expect.poll(async () => (await readSidePanel(panel)).heading).toBe('Restricted');
  expect((await readSidePanel(panel)).text).not.toContain('Northwind');
});

test('a 404 for a cached client purges it like a wall: "This client is not available to you", in every view', async () => {
  const { browser, endpoint } = session;
  const contact = await browser.context.newPage();
  await contact.goto('https://app.clio.com/nc/#/contacts/1001');
  await expect(sidebar(contact).getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  await expectConfirmedByEndpoint(sidebar(contact)); // both records mapped by the endpoint, not only by the synced book
  const matter = await browser.context.newPage();
  await matter.goto('https://app.clio.com/nc/#/matters/5001');
  await expect(sidebar(matter).getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  await expectConfirmedByEndpoint(sidebar(matter));

  (await endpoint.store.raiseWall(DEMO_USERS.secondee.id, NORTHWIND_ID)); // the endpoint now answers 404 for it
  await matter.reload(); // the cached mapping still says Northwind: the context answers 404
  for (const page of [matter, contact]) {
    await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Restricted' })).toBeVisible();
    await expect(sidebar(page).locator('body')).toContainText('This client is not available to you');
  }
  expect((await readCache(browser.worker)).clientIds).not.toContain(NORTHWIND_ID);
});

test('a wall from sync takes the client out of the pipeline page\'s projection too: not on disk, not on the page', async () => {
  const { browser, endpoint } = session;
  // The projection is written after the sign-in's sync.
  await expect.poll(() => readProjectionText(browser.worker), { timeout: 30_000 }).toContain('Northwind Logistics plc');
  const pipeline = await browser.context.newPage();
  await pipeline.goto(`chrome-extension://${browser.extensionId}/pipeline.html`);
  await expect(pipeline.getByRole('list', { name: 'Each client’s relationship in one line' })).toContainText('Northwind Logistics plc');

  await endpoint.store.raiseWall(DEMO_USERS.secondee.id, NORTHWIND_ID);
  await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { alarms: { create(n: string, a: object): void } } }).chrome.alarms.create('lens.sync', { when: Date.now() + 10 }));
  await expect.poll(async () => (await readCache(browser.worker)).clientIds, { timeout: 30_000 }).not.toContain(NORTHWIND_ID);
  const projection = await readProjectionText(browser.worker);
  expect(projection).not.toBe('');
  expect(projection).not.toContain('Northwind');
  expect(projection).not.toContain(NORTHWIND_ID);

  await pipeline.reload();
  await expect(pipeline.getByRole('status').filter({ hasText: 'Showing all' })).toBeVisible();
  await expect(pipeline.locator('body')).not.toContainText('Northwind');
});
