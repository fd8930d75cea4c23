import { expect, type FrameLocator, test } from '@playwright/test';
import { DEMO_TOKENS, NORTHWIND_ID } from '../../server/demo/demo-ids';
import { sidebar, signIn } from './support/browser';
import { expectConfirmedByEndpoint } from './support/confirmed';
import { proxiedPerTest } from './support/proxied';
import { saveSidebarScreenshot } from './support/screenshots';
import { logNeedInSidebar } from './support/sidebar-actions';
import { setUserSettings } from './support/worker';

// Writes that end: delivered exactly once when the answer is lost or unreadable, given up (and kept
// readable) when they can never succeed, strictly in order per client, and never overwriting a
// flag someone else changed meanwhile.

const NORTHWIND_CONTACT = 'https://app.clio.com/nc/#/contacts/1001';
const NEEDS_POST = /^POST \/v1\/clients\/c-northwind\/needs/;
const FLAG_PUT = /^PUT \/v1\/clients\/c-northwind\/candidate-flag/;

const session = proxiedPerTest((b) => setUserSettings(b.worker, { requestTimeoutSeconds: 3 }));

async function openNorthwind(token: string = DEMO_TOKENS.partner) {
  const { browser, proxy } = session;
  await signIn(browser, proxy.url, token);
  const page = await browser.context.newPage();
  await page.goto(NORTHWIND_CONTACT);
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  await expectConfirmedByEndpoint(lens); // what the user saw is the endpoint's flag, not only the synced one
  return { page, lens };
}

const countAtEndpoint = async (title: string) => (await session.endpoint.store.listNeeds(NORTHWIND_ID)).filter((n) => n.title === title).length;
const outboxItem = (lens: FrameLocator, title: string) => lens.locator('li.need.outbox', { hasText: title });

test('commit-then-drop: the endpoint saved it, the answer was lost → retried with the same key, exactly one need', async () => {
  const { endpoint, proxy, browser } = session;
  const { lens } = await openNorthwind();
  proxy.inject(NEEDS_POST, { kind: 'forward-then-drop' });
  await logNeedInSidebar(lens, 'Committed then dropped');
  await expect.poll(() => proxy.requests(NEEDS_POST).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await expect(lens.getByTestId('needs').locator('li', { hasText: 'Committed then dropped' }).first()).toBeVisible();
  await expect.poll(() => countAtEndpoint('Committed then dropped')).toBe(1);
  const keys = proxy.requests(NEEDS_POST).map((r) => r.headers['idempotency-key']);
  expect(new Set(keys).size).toBe(1); // the same key each time: the endpoint answered the retry from its record
  await expect(lens.locator('[data-outbox-state="rejected"], [data-outbox-state="dead-letter"]')).toHaveCount(0);
});

test('a 2xx with an unreadable body is delivered, not parked, and the context is fetched again', async () => {
  const { endpoint, proxy, browser } = session;
  const { lens } = await openNorthwind();
  proxy.inject(NEEDS_POST, { kind: 'forward-then-garble', body: '{"id": "n-' });
  const contextsBefore = proxy.requests(/^GET \/v1\/clients\/c-northwind\/context/).length;
  await logNeedInSidebar(lens, 'Saved but the answer was garbled');
  await expect(lens.getByTestId('needs').locator('li.need:not(.outbox)', { hasText: 'Saved but the answer was garbled' })).toBeVisible();
  await expect(lens.locator('[data-outbox-state="rejected"]')).toHaveCount(0);
  expect(await countAtEndpoint('Saved but the answer was garbled')).toBe(1);
  expect(proxy.requests(NEEDS_POST)).toHaveLength(1); // never sent again
  expect(proxy.requests(/^GET \/v1\/clients\/c-northwind\/context/).length).toBeGreaterThan(contextsBefore);
});

test('a permanent 500 ends as a dead letter after the retry budget, with its text and a copy button; later writes still go', async () => {
  const { endpoint, proxy, browser } = session;
  const { page, lens } = await openNorthwind();
  proxy.inject(NEEDS_POST, { kind: 'status', status: 500 }, 5); // the budget: five answers 5xx in a row
  await logNeedInSidebar(lens, 'Broken at the endpoint');
  const broken = outboxItem(lens, 'Broken at the endpoint');
  await expect(broken).toContainText('Waiting to send');
  await logNeedInSidebar(lens, 'Logged after the broken one');
  await expect(outboxItem(lens, 'Logged after the broken one')).toBeVisible();
  expect(await countAtEndpoint('Logged after the broken one')).toBe(0); // held behind the earlier one of its client
  // The user asks to try now (skipping the back-off) until the budget is spent.
  for (let i = 0; i < 8 && proxy.requests(NEEDS_POST).length < 5; i++) {
    await broken.getByRole('button', { name: 'Try now' }).click({ timeout: 10_000 });
    await expect.poll(() => proxy.requests(NEEDS_POST).length).toBeGreaterThanOrEqual(Math.min(5, i + 2));
  }
  const letter = broken.getByTestId('dead-letter');
  await expect(letter).toContainText('Could not be saved');
  await expect(letter).toContainText('failed every time');
  await expect(letter.getByRole('textbox')).toHaveValue(/Broken at the endpoint\nPractice area: Employment/);
  await expect(letter.getByRole('button', { name: /Copy the text/ })).toBeVisible();
  await expect.poll(() => countAtEndpoint('Logged after the broken one'), { timeout: 20_000 }).toBe(1);
  expect(await countAtEndpoint('Broken at the endpoint')).toBe(0);
  await saveSidebarScreenshot(page, 'outbox-dead-letter');
  await letter.getByRole('button', { name: /Copy the text/ }).click();
  await expect(letter.getByRole('status')).toHaveText(/Copied|Select the text/);
});

test('an item held for sign-in holds back the later items of its client; after sign-in both go, in order', async () => {
  const { endpoint, proxy, browser } = session;
  const { lens } = await openNorthwind();
  // Written while the endpoint is unavailable: both queued, the second behind the first.
  proxy.inject(NEEDS_POST, { kind: 'status', status: 503 }, 1);
  await logNeedInSidebar(lens, 'Held for sign-in');
  await expect(outboxItem(lens, 'Held for sign-in')).toContainText('Waiting to send');
  await logNeedInSidebar(lens, 'Logged after the held one');
  await expect(outboxItem(lens, 'Logged after the held one')).toBeVisible();
  // The next attempt meets a refused token (a real 401): the first is held for sign-in, and the
  // second, behind it, is not sent at all.
  proxy.inject(NEEDS_POST, { kind: 'status', status: 401 }, 1);
  await outboxItem(lens, 'Held for sign-in').getByRole('button', { name: 'Try now' }).click();
  await expect.poll(() => proxy.requests(NEEDS_POST).length).toBe(2);
  expect((await countAtEndpoint('Held for sign-in')) + (await countAtEndpoint('Logged after the held one'))).toBe(0);
  // Signing in again (same user, same endpoint) keeps the partition and releases the hold: both go, in order.
  await signIn(browser, proxy.url, DEMO_TOKENS.partner);
  await expect.poll(async () => (await countAtEndpoint('Logged after the held one')) + (await countAtEndpoint('Held for sign-in')), { timeout: 20_000 }).toBe(2);
  const stamped = (await endpoint.store.listNeeds(NORTHWIND_ID)).filter((n) => n.title.includes('eld')).sort((a, b) => a.identifiedAt.localeCompare(b.identifiedAt)).map((n) => n.title);
  expect(stamped).toEqual(['Held for sign-in', 'Logged after the held one']);
  expect(proxy.requests(NEEDS_POST)).toHaveLength(4);
});

test('a flag change that meets someone else’s (412) is parked showing who changed it; "Apply mine again" sends it against their version', async () => {
  const { endpoint, proxy, browser } = session;
  const { page, lens } = await openNorthwind(DEMO_TOKENS.bd);
  const seen = (await endpoint.store.getFlag(NORTHWIND_ID))!;
  expect(seen.version).toBeTruthy();
  // Meanwhile another BD user changes the flag at the endpoint.
  const theirs = (await endpoint.store.setFlag({ ...seen, version: undefined, flaggedBy: { userId: 'u-other', name: 'Omar Reyes' }, flaggedAt: new Date().toISOString(), reason: 'Board approved the Rotterdam hub.', priority: 'medium' }));

  await lens.getByRole('button', { name: 'Edit flag' }).click();
  await lens.getByLabel('Why is this client a candidate?').fill('GC asked for a second secondee in Q3.');
  await lens.getByRole('button', { name: 'Save flag' }).click();
  const conflict = lens.getByTestId('flag-conflict');
  await expect(conflict).toContainText('Someone changed this flag while yours was waiting.');
  await expect(conflict).toContainText('Omar Reyes');
  await expect(conflict).toContainText('Board approved the Rotterdam hub.');
  await expect(conflict).toContainText('GC asked for a second secondee in Q3.');
  expect(proxy.requests(FLAG_PUT)[0]!.headers['if-match']).toBe(`"${seen.version}"`); // the version the user saw
  expect((await endpoint.store.getFlag(NORTHWIND_ID))!.reason).toBe('Board approved the Rotterdam hub.'); // not overwritten
  await saveSidebarScreenshot(page, 'outbox-flag-conflict');

  await conflict.getByRole('button', { name: 'Apply mine again' }).click();
  await expect.poll(async () => (await endpoint.store.getFlag(NORTHWIND_ID))?.reason).toBe('GC asked for a second secondee in Q3.');
  const puts = proxy.requests(FLAG_PUT);
  expect(puts.at(-1)!.headers['if-match']).toBe(`"${theirs.version}"`);
  expect(new Set(puts.map((r) => r.headers['idempotency-key'])).size).toBe(puts.length); // a new write, a new key
  await expect(lens.getByTestId('flag-conflict')).toHaveCount(0);
  await expect(lens.getByTestId('flag-summary')).toContainText('GC asked for a second secondee in Q3.');
});

test('"Use theirs" discards mine and leaves their flag', async () => {
  const { endpoint, proxy, browser } = session;
  const { lens } = await openNorthwind(DEMO_TOKENS.bd);
  const seen = (await endpoint.store.getFlag(NORTHWIND_ID))!;
  (await endpoint.store.setFlag({ ...seen, version: undefined, flaggedBy: { userId: 'u-other', name: 'Omar Reyes' }, reason: 'Theirs stays.', priority: 'low' }));
  await lens.getByRole('button', { name: 'Clear flag' }).click();
  await lens.getByRole('button', { name: 'Yes, clear it' }).click();
  const conflict = lens.getByTestId('flag-conflict');
  await expect(conflict).toContainText('Omar Reyes');
  await conflict.getByRole('button', { name: 'Use theirs' }).click();
  await expect(lens.getByTestId('flag-conflict')).toHaveCount(0);
  await expect(lens.getByTestId('flag-summary')).toContainText('Theirs stays.');
  expect((await endpoint.store.getFlag(NORTHWIND_ID))?.reason).toBe('Theirs stays.');
});
