import { expect, type Page, test } from '@playwright/test';
import { DEMO_CLIENTS, DEMO_RECORDS, DEMO_TOKENS, DEMO_USERS, NORTHWIND_ID } from '../../server/demo/demo-ids';
import { sidebar, signIn } from './support/browser';
import { ageCachedClient } from './support/cache-age';
import { readCache } from './support/cache-probe';
import { proxiedPerTest } from './support/proxied';
import { stopServiceWorkers } from './support/service-worker';
import { backOffSync } from './support/sync-retry';
import { sendFromOptions, setUserSettings } from './support/worker';

// Issue 9, items 0, 1 and 3: the synced book reachable offline, a feed one bad change cannot stop,
// and cached data that leaves with the user's access.

const NORTHWIND_CONTACT = `https://app.clio.com/nc/#/contacts/${DEMO_RECORDS.northwindClioContact.externalId}`;
const ALDGATE_CONTACT = `https://app.clio.com/nc/#/contacts/${DEMO_RECORDS.aldgateClioContact.externalId}`;

const session = proxiedPerTest();

type Status = { sync: { state: string; applied: number } | null; quarantined: number; cachedClients: number };
/** The options page's "Update now": waits for the book sync (joining one already running). */
const syncNow = () => sendFromOptions<{ ok: boolean; value: Status }>(session.browser, { type: 'options.syncNow' });

/** Signs in through the fault proxy and waits until the first book sync is complete. */
async function signInAndSync(token: string) {
  await signIn(session.browser, session.proxy.url, token);
  await expect.poll(async () => (await syncNow()).value.sync?.state).toBe('done');
}

async function open(url: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(url);
  return page;
}

test('offline, a synced client never opened before shows its cached context on its Clio record', async () => {
  await signInAndSync(DEMO_TOKENS.partner);
  expect((await readCache(session.browser.worker)).clientIds).toContain(NORTHWIND_ID);
  await session.proxy.close();
  await session.endpoint.close();

  const lens = sidebar(await open(NORTHWIND_CONTACT));
  await expect(lens.getByRole('heading', { level: 1, name: DEMO_CLIENTS.northwind.name })).toBeVisible();
  await expect(lens.getByTestId('active-secondees')).toContainText('Sam Okafor');
  await expect(lens.getByTestId('freshness')).toContainText('Offline');
});

test('offline, a need on a synced record never opened online offers the firm’s practice areas, brought by the sync', async () => {
  await signInAndSync(DEMO_TOKENS.partner);
  await session.proxy.close();
  await session.endpoint.close();

  const lens = sidebar(await open(NORTHWIND_CONTACT));
  await expect(lens.getByTestId('freshness')).toContainText('Offline');
  await lens.getByRole('button', { name: 'Log a need', exact: true }).click();
  // The fallback list is "General" alone; the firm's list came with the book.
  await expect(lens.getByLabel('Practice area').locator('option', { hasText: 'Employment' })).toHaveCount(1);
});

test('offline, a record of several synced clients offers the picker, and the pick shows its context', async () => {
  await signInAndSync(DEMO_TOKENS.partner);
  await session.proxy.close();
  await session.endpoint.close();

  const page = await open(ALDGATE_CONTACT);
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', { name: 'Which client is this?' })).toBeVisible();
  await expect(lens.getByRole('button', { name: new RegExp(DEMO_CLIENTS.aldgate.name) })).toBeVisible();
  await lens.getByRole('button', { name: new RegExp(DEMO_CLIENTS.aldgateHoldings.name) }).click();
  await expect(lens.getByRole('heading', { level: 1, name: DEMO_CLIENTS.aldgateHoldings.name })).toBeVisible();
  await expect(lens.getByTestId('freshness')).toContainText('Offline');
});

test('online, the endpoint’s answer wins over the synced book', async () => {
  await signInAndSync(DEMO_TOKENS.partner);
  // The firm re-maps Northwind's Clio contact to Meridian after the sync.
  await session.endpoint.store.sql.run(`UPDATE mappings SET client_id = ? WHERE system = 'clio' AND kind = 'contact' AND external_id = ?`,
    [DEMO_CLIENTS.meridian.id, DEMO_RECORDS.northwindClioContact.externalId]);
  const lens = sidebar(await open(NORTHWIND_CONTACT));
  await expect(lens.getByRole('heading', { level: 1, name: DEMO_CLIENTS.meridian.name })).toBeVisible();
  await expect(lens.getByTestId('freshness')).toContainText('Updated');
});

test('a feed with a change that fails the contract still syncs the rest, and a later revoke still purges', async () => {
  // Every page of the feed carries one bad change, for the whole test.
  session.proxy.set({ kind: 'inject-invalid-change' }, /^GET \/v1\/changes/);
  await signInAndSync(DEMO_TOKENS.secondee);
  const expected = (await session.endpoint.store.counts(DEMO_USERS.secondee.id));
  const cache = await readCache(session.browser.worker);
  expect(cache.clientIds).toContain(NORTHWIND_ID);
  expect(cache.counts.clients).toBe(expected.clients);
  expect(cache.counts.needs).toBe(expected.needs);
  expect((await syncNow()).value.quarantined).toBeGreaterThanOrEqual(1);

  const options = await open(`chrome-extension://${session.browser.extensionId}/options.html`);
  await expect(options.getByTestId('sync-quarantine')).toContainText('did not match the contract');

  (await session.endpoint.store.raiseWall(DEMO_USERS.secondee.id, NORTHWIND_ID));
  expect((await syncNow()).value.sync?.state).toBe('done');
  const after = await readCache(session.browser.worker);
  expect(after.clientIds).not.toContain(NORTHWIND_ID);
  expect(after.counts.secondments).toBe((await session.endpoint.store.counts(DEMO_USERS.secondee.id)).secondments);
});

test('"Update now" skips the sync’s back-off, but never the endpoint’s Retry-After', async () => {
  await signInAndSync(DEMO_TOKENS.partner);
  const feedReads = () => session.proxy.requests(/^GET \/v1\/changes/).length;

  // The endpoint told the extension to wait an hour: even the user's click does not call it.
  await backOffSync(session.browser.worker, 3_600_000, 3_600_000);
  const before = feedReads();
  await syncNow();
  expect(feedReads()).toBe(before);

  // Only the extension's own back-off (after failures): the user's click syncs at once.
  await backOffSync(session.browser.worker, 3_600_000);
  await session.endpoint.store.raiseWall(DEMO_USERS.partner.id, NORTHWIND_ID);
  const status = (await syncNow()).value;
  expect(feedReads()).toBeGreaterThan(before);
  expect(status.sync?.state).toBe('done');
  expect((await readCache(session.browser.worker)).clientIds).not.toContain(NORTHWIND_ID);
});

test('after a 401, nothing cached is shown, even offline after the worker restarts', async () => {
  await signInAndSync(DEMO_TOKENS.partner);
  const page = await open(NORTHWIND_CONTACT);
  const lens = sidebar(page);
  await expect(lens.getByTestId('freshness')).toContainText('Updated');

  session.proxy.set({ kind: 'status', status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  await page.reload();
  await expect(lens.getByRole('heading', { name: 'Sign in needed' })).toBeVisible();

  await stopServiceWorkers(session.browser.context, page);
  await session.proxy.close();
  await session.endpoint.close();
  await page.reload();
  await expect(lens.getByRole('heading', { name: 'Sign in needed' })).toBeVisible();
  await expect(lens.locator('body')).not.toContainText('Northwind');
  await expect(lens.locator('body')).not.toContainText('Sam Okafor');
  // Locked, not yet deleted: the firm's grace period (72 h by default) has not passed.
  expect((await readCache(session.browser.worker)).counts.clients).toBeGreaterThan(0);
});

test('after a 401 and the firm’s grace period, the user’s cached data is deleted', async () => {
  await setUserSettings(session.browser.worker, { signedOutGraceHours: 0 });
  await signInAndSync(DEMO_TOKENS.partner);
  expect((await readCache(session.browser.worker)).databases).toHaveLength(1);
  session.proxy.set({ kind: 'status', status: 401 });
  const lens = sidebar(await open(NORTHWIND_CONTACT));
  await expect(lens.getByRole('heading', { name: 'Sign in needed' })).toBeVisible();
  await syncNow(); // any next use after the grace period deletes the partition
  await expect.poll(async () => (await readCache(session.browser.worker)).databases).toEqual([]);
});

test('data past the firm’s maximum age is deleted, not just hidden', async () => {
  await setUserSettings(session.browser.worker, { maxCacheAgeHours: 24 });
  await signInAndSync(DEMO_TOKENS.partner);
  const page = await open(NORTHWIND_CONTACT);
  const lens = sidebar(page);
  await expect(lens.getByTestId('freshness')).toContainText('Updated');

  await ageCachedClient(session.browser, page, NORTHWIND_ID, 25);
  await session.proxy.close();
  await session.endpoint.close();
  await page.reload();
  await expect(lens.getByRole('heading', { name: 'Could not load this client' })).toBeVisible();
  await expect(lens.locator('body')).not.toContainText('Sam Okafor');
  const cache = await readCache(session.browser.worker);
  expect(cache.clientIds).not.toContain(NORTHWIND_ID);
  expect(cache.clientIds.length).toBeGreaterThan(0); // clients synced within the age stay
});
