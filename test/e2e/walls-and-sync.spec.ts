import { expect, test } from '@playwright/test';
import { CLIO_TENANT, DEMO_TOKENS, DEMO_USERS, NORTHWIND_ID } from '../../server/demo/demo-ids';
import { seedLargeBook } from '../../server/demo/large-book';
import { type ExtensionBrowser, launchWithExtension, sidebar, signIn } from './support/browser';
import { expectConfirmedByEndpoint } from './support/confirmed';
import { readCache } from './support/cache-probe';
import { startEndpoint } from './support/endpoint';
import { sendFromOptions } from './support/worker';

const NORTHWIND_CONTACT = 'https://app.clio.com/nc/#/contacts/1001';

let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
let browser: ExtensionBrowser;

test.afterEach(async () => {
  await browser?.context.close();
  await endpoint.close();
});

/** The options page's "Update now": waits for the book sync (joining one already running). */
const syncNow = (b: ExtensionBrowser) =>
  sendFromOptions<{ ok: boolean; value: { sync: { state: string; applied: number } } }>(b, { type: 'options.syncNow' });

/** A fresh endpoint and browser, signed in as `token`, with Northwind's Clio record open and shown. */
async function openNorthwindAs(token: string) {
  endpoint = await startEndpoint();
  browser = await launchWithExtension();
  await signIn(browser, endpoint.url, token);
  const page = await browser.context.newPage();
  await page.goto(NORTHWIND_CONTACT);
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  await expectConfirmedByEndpoint(lens); // seen online: the record's mapping is the endpoint's
  return { page, lens };
}

test('a 403 for a cached client purges it and the sidebar says "restricted" without its name', async () => {
  const { page, lens } = await openNorthwindAs(DEMO_TOKENS.secondee);
  expect((await readCache(browser.worker)).clientIds).toContain(NORTHWIND_ID);

  (await endpoint.store.raiseWall(DEMO_USERS.secondee.id, NORTHWIND_ID));
  await page.reload();
  await expect(lens.getByRole('heading', { name: 'Restricted' })).toBeVisible();
  await expect(lens.locator('body')).not.toContainText('Northwind');
  await expect(lens.locator('body')).not.toContainText('Sam Okafor');
  const cache = await readCache(browser.worker);
  expect(cache.clientIds).not.toContain(NORTHWIND_ID);
});

test('a wall raised while offline purges the client at the next sync, before it is opened again', async () => {
  endpoint = await startEndpoint();
  browser = await launchWithExtension();
  await signIn(browser, endpoint.url, DEMO_TOKENS.secondee);
  await expect.poll(async () => (await syncNow(browser)).value.sync.state).toBe('done');
  expect((await readCache(browser.worker)).clientIds).toContain(NORTHWIND_ID);

  (await endpoint.store.raiseWall(DEMO_USERS.secondee.id, NORTHWIND_ID));
  await syncNow(browser);
  const cache = await readCache(browser.worker);
  expect(cache.clientIds).not.toContain(NORTHWIND_ID);
  expect(cache.counts.secondments).toBe((await endpoint.store.counts(DEMO_USERS.secondee.id)).secondments);
});

test('a client the sidebar looked up before the feed reached it is purged at the next sync once walled', async () => {
  endpoint = await startEndpoint();
  browser = await launchWithExtension();
  await signIn(browser, endpoint.url, DEMO_TOKENS.secondee);
  await expect.poll(async () => (await syncNow(browser)).value.sync.state).toBe('done');
  // A client the firm adds after that sync: the feed's cursor is behind it.
  const added = { id: 'c-brightwater', name: 'Brightwater Freight Ltd', industry: 'Logistics & Supply Chain', externalIds: [{ system: 'clio' as const, kind: 'contact' as const, externalId: '7701', tenant: CLIO_TENANT }] };
  await endpoint.store.insertClient(added);
  const page = await browser.context.newPage();
  await page.goto('https://app.clio.com/nc/#/contacts/7701');
  await expect(sidebar(page).getByRole('heading', { level: 1, name: added.name })).toBeVisible();
  await page.close();
  expect((await readCache(browser.worker)).clientIds).toContain(added.id);

  expect(await endpoint.store.raiseWall(DEMO_USERS.secondee.id, added.id)).toBe(true);
  await syncNow(browser);
  const cache = await readCache(browser.worker);
  expect(cache.clientIds).not.toContain(added.id);
});

test('a client named only among an ambiguous record’s matches is purged at the next sync once walled', async () => {
  endpoint = await startEndpoint();
  browser = await launchWithExtension();
  await signIn(browser, endpoint.url, DEMO_TOKENS.secondee);
  await expect.poll(async () => (await syncNow(browser)).value.sync.state).toBe('done');
  // Two clients the firm adds after that sync, both mapped to one Clio contact.
  const contact = { system: 'clio' as const, kind: 'contact' as const, externalId: '7702', tenant: CLIO_TENANT };
  const walled = { id: 'c-saltmarsh-group', name: 'Saltmarsh Group plc', industry: 'Logistics & Supply Chain', externalIds: [contact] };
  const kept = { id: 'c-saltmarsh-ports', name: 'Saltmarsh Ports Ltd', industry: 'Logistics & Supply Chain', externalIds: [contact] };
  await endpoint.store.insertClient(walled);
  await endpoint.store.insertClient(kept);
  const page = await browser.context.newPage();
  await page.goto('https://app.clio.com/nc/#/contacts/7702');
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', { name: 'Which client is this?' })).toBeVisible();
  await expect(lens.getByRole('button', { name: new RegExp(walled.name) })).toBeVisible();
  await page.close();
  expect((await readCache(browser.worker)).clientIds).toEqual(expect.arrayContaining([walled.id, kept.id]));

  expect(await endpoint.store.raiseWall(DEMO_USERS.secondee.id, walled.id)).toBe(true);
  await syncNow(browser);
  expect((await readCache(browser.worker)).clientIds).not.toContain(walled.id);
  // Opened again, the record resolves to the one client the user may see, and the other is never named.
  const again = await browser.context.newPage();
  await again.goto('https://app.clio.com/nc/#/contacts/7702');
  await expect(sidebar(again).getByRole('heading', { level: 1, name: kept.name })).toBeVisible();
  await expect(sidebar(again).locator('body')).not.toContainText('Saltmarsh Group');
});

test('signing in as another user deletes the previous user’s cached data', async () => {
  await openNorthwindAs(DEMO_TOKENS.partner);
  const partnerCache = await readCache(browser.worker);
  expect(partnerCache.databases).toHaveLength(1);

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByRole('button', { name: 'Sign out' }).click();
  await options.close();
  await signIn(browser, endpoint.url, DEMO_TOKENS.bd);
  const bdCache = await readCache(browser.worker);
  expect(bdCache.databases).toHaveLength(1);
  expect(bdCache.databases[0]).not.toBe(partnerCache.databases[0]);
});

test('a user switch without signing out deletes the previous user’s cache too', async () => {
  const { page } = await openNorthwindAs(DEMO_TOKENS.partner);
  const before = await readCache(browser.worker);

  // What the options form sends when a refused sign-in is replaced by another user's.
  const answer = await sendFromOptions<{ ok: boolean }>(browser, { type: 'options.signIn', endpointUrl: endpoint.url, token: DEMO_TOKENS.bd });
  expect(answer.ok).toBe(true);
  await expect.poll(async () => (await readCache(browser.worker)).databases).not.toContain(before.databases[0]);
  const after = await readCache(browser.worker);
  expect(after.databases).toHaveLength(1);
  // The open sidebar shows the new user's view (Priya is BD: the flag controls appear).
  await expect(sidebar(page).getByRole('button', { name: /flag/i }).first()).toBeVisible();
});

test('a 20,000-client book syncs completely: the cache holds what the endpoint holds for the user', async () => {
  test.setTimeout(240_000);
  endpoint = await startEndpoint();
  seedLargeBook(endpoint.store, { clients: 20_000, secondments: 5_000, needs: 50_000 });
  browser = await launchWithExtension();
  await signIn(browser, endpoint.url, DEMO_TOKENS.partner);
  await expect.poll(async () => (await syncNow(browser)).value.sync.state, { timeout: 180_000, intervals: [2_000] }).toBe('done');

  const expected = (await endpoint.store.counts(DEMO_USERS.partner.id));
  const cache = await readCache(browser.worker);
  expect(cache.counts.clients).toBe(expected.clients);
  expect(cache.counts.secondments).toBe(expected.secondments);
  expect(cache.counts.needs).toBe(expected.needs);
  expect(cache.counts.flags).toBe(expected.flags);

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await expect(options.getByTestId('sync-status')).toHaveAttribute('data-state', 'done');
  await expect(options.getByTestId('cache-status')).toContainText(`${expected.clients.toLocaleString('en-US')} clients cached`);
});
