import { expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_TOKENS, NORTHWIND_ID } from '../../server/demo/demo-ids';
import { type ExtensionBrowser, launchWithExtension, sidebar, signIn } from './support/browser';
import { expectConfirmedByEndpoint } from './support/confirmed';
import { startEndpoint } from './support/endpoint';
import { startFaultProxy } from './support/fault-proxy';
import { stopServiceWorkers } from './support/service-worker';
import { logNeedInSidebar } from './support/sidebar-actions';
import { setUserSettings } from './support/worker';

// Writes go through the outbox: committed with an idempotency key before they are sent, shown as
// pending at once, retried, and delivered exactly once whatever happens to the browser.

const NORTHWIND_CONTACT = 'https://app.clio.com/nc/#/contacts/1001';
const NEEDS_POST = /^POST \/v1\/clients\/[^/]+\/needs/;

type Endpoint = Awaited<ReturnType<typeof startEndpoint>>;
type Proxy = Awaited<ReturnType<typeof startFaultProxy>>;

let endpoint: Endpoint;
let proxy: Proxy;
let browser: ExtensionBrowser;
let release: () => void = () => undefined;
let heldNeeds = 0;
/** While set, the endpoint holds each need request before writing it (see beforeNeedWrite). */
const gate = { hold: false };

async function open(userDataDir?: string) {
  browser = await launchWithExtension({ userDataDir });
  await setUserSettings(browser.worker, { requestTimeoutSeconds: 2 });
}

test.beforeEach(async () => {
  heldNeeds = 0;
  gate.hold = false;
  endpoint = await startEndpoint({
    hooks: {
      // Holds the need "in flight" at the endpoint while the test stops the service worker.
      beforeNeedWrite: () => {
        if (!gate.hold) return;
        heldNeeds++;
        return new Promise<void>((resolve) => {
          release = () => {
            gate.hold = false;
            resolve();
          };
        });
      },
    },
  });
  proxy = await startFaultProxy(endpoint.url);
});

test.afterEach(async () => {
  release();
  await browser?.context.close();
  await proxy.close();
  await endpoint.close();
});

async function openNorthwind() {
  await signIn(browser, proxy.url, DEMO_TOKENS.partner);
  const page = await browser.context.newPage();
  await page.goto(NORTHWIND_CONTACT);
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  // Seen online first, as a lawyer who then loses the network would have: the firm's practice areas
  // (fetched after the endpoint's answer) are what the need form offers offline.
  await expectConfirmedByEndpoint(lens);
  await expect.poll(() => proxy.delivered.some((request) => request.startsWith('GET /v1/practice-areas'))).toBe(true);
  return { page, lens };
}

const titlesAtEndpoint = async () => (await endpoint.store.listNeeds(NORTHWIND_ID)).map((n) => n.title);

test('delivers a need exactly once when the service worker is stopped mid-POST', async () => {
  await open();
  const { page, lens } = await openNorthwind();
  const before = (await endpoint.store.countNeeds(NORTHWIND_ID));
  gate.hold = true;

  await logNeedInSidebar(lens, 'Sanctions screening for new Gulf routes');
  await expect.poll(() => heldNeeds).toBe(1); // the endpoint has the POST and holds it
  await stopServiceWorkers(browser.context, page);
  release(); // the endpoint finishes the write; the worker that sent it is gone

  // A new look at the record wakes the worker, which sends its queued item again with the same key.
  await page.reload();
  await expect(lens.locator('li.need', { hasText: 'Sanctions screening for new Gulf routes' })).toContainText('New');
  await expect.poll(async () => (await endpoint.store.countNeeds(NORTHWIND_ID))).toBe(before + 1);
  expect((await titlesAtEndpoint()).filter((t) => t === 'Sanctions screening for new Gulf routes')).toHaveLength(1);
});

test('retries after a 500 and delivers once', async () => {
  await open();
  const { lens } = await openNorthwind();
  proxy.set({ kind: 'status', status: 500 }, NEEDS_POST, 1);
  await logNeedInSidebar(lens, 'Review of carrier liability caps');
  await expect.poll(async () => (await titlesAtEndpoint()).filter((t) => t === 'Review of carrier liability caps').length, { timeout: 30_000 }).toBe(1);
  await expect(lens.locator('li.need', { hasText: 'Review of carrier liability caps' }).first()).toContainText('New', { timeout: 15_000 });
  expect(proxy.seen.filter((r) => NEEDS_POST.test(r))).toHaveLength(2);
});

test('honours Retry-After on a 429 and shows the item as waiting meanwhile', async () => {
  await open();
  const { lens } = await openNorthwind();
  proxy.set({ kind: 'status', status: 429, headers: { 'Retry-After': '3' } }, NEEDS_POST, 1);
  await logNeedInSidebar(lens, 'Customs warehouse licence renewal');
  await expect(lens.locator('[data-outbox-state="pending"]', { hasText: 'Customs warehouse licence renewal' })).toContainText('Waiting to send');
  expect(await titlesAtEndpoint()).not.toContain('Customs warehouse licence renewal');
  await expect.poll(async () => (await titlesAtEndpoint()).filter((t) => t === 'Customs warehouse licence renewal').length, { timeout: 30_000 }).toBe(1);
  const posts = proxy.arrivals.filter((a) => NEEDS_POST.test(a.request));
  expect(posts).toHaveLength(2);
  expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(3_000); // not one moment before Retry-After
});

test('times out a hanging request, then delivers once with the same key', async () => {
  await open();
  const { lens } = await openNorthwind();
  proxy.set({ kind: 'hang' }, NEEDS_POST, 1);
  await logNeedInSidebar(lens, 'Port of Felixstowe lease dispute');
  await expect.poll(async () => (await titlesAtEndpoint()).filter((t) => t === 'Port of Felixstowe lease dispute').length, { timeout: 40_000 }).toBe(1);
});

test('keeps writes made while offline and delivers all of them once, in order', async () => {
  await open();
  const { lens } = await openNorthwind();
  proxy.set({ kind: 'drop' });
  const titles = ['Offline need one', 'Offline need two', 'Offline need three'];
  for (const title of titles) {
    await logNeedInSidebar(lens, title);
    await expect(lens.locator('[data-outbox-state="pending"]', { hasText: title })).toBeVisible();
    // The form closes once the background has the need: then the lawyer logs the next one.
    await expect(lens.getByRole('button', { name: 'Log a need', exact: true })).toHaveAttribute('aria-expanded', 'false');
  }
  expect((await titlesAtEndpoint()).filter((t) => titles.includes(t))).toEqual([]);

  proxy.set({ kind: 'pass' });
  // In the order they were logged: the endpoint stamps each need when it receives it.
  const deliveredInOrder = async () => (await endpoint.store.listNeeds(NORTHWIND_ID))
    .filter((n) => titles.includes(n.title))
    .sort((a, b) => a.identifiedAt.localeCompare(b.identifiedAt))
    .map((n) => n.title);
  await expect.poll(deliveredInOrder, { timeout: 45_000 }).toEqual(titles);
});

test('delivers items queued before the browser was closed, after it is reopened', async () => {
  const profile = mkdtempSync(path.join(tmpdir(), 'lens-profile-'));
  await open(profile);
  const { lens } = await openNorthwind();
  proxy.set({ kind: 'drop' });
  await logNeedInSidebar(lens, 'Queued before the browser closed');
  await expect(lens.locator('[data-outbox-state="pending"]', { hasText: 'Queued before the browser closed' })).toBeVisible();
  await browser.context.close();

  proxy.set({ kind: 'pass' });
  await open(profile); // same profile: the outbox is still in IndexedDB; the worker flushes at start
  await expect.poll(async () => (await titlesAtEndpoint()).filter((t) => t === 'Queued before the browser closed').length, { timeout: 30_000 }).toBe(1);
});

test('parks a need the endpoint refuses, with its reason, until the user discards it', async () => {
  await open();
  const { lens } = await openNorthwind();
  proxy.set({ kind: 'status', status: 422, body: JSON.stringify({ type: 'about:blank', title: 'Unprocessable', status: 422, detail: 'Practice area is closed for new work.', errors: [{ path: 'practiceArea', message: 'Closed for new work.' }] }) }, NEEDS_POST, 1);
  await logNeedInSidebar(lens, 'Refused need');
  const parked = lens.locator('[data-outbox-state="rejected"]', { hasText: 'Refused need' });
  await expect(parked).toContainText('Practice area is closed for new work.');
  await lens.getByRole('button', { name: /Discard/ }).click();
  await expect(parked).toHaveCount(0);
  expect(await titlesAtEndpoint()).not.toContain('Refused need');
});
