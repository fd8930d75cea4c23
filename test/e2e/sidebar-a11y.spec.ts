import { expect, type Page, test } from '@playwright/test';
import { DEMO_TOKENS, DEMO_USERS, HARBOR_ID } from '../../server/demo/demo-ids';
import { axeViolations, SIDEBAR_FRAME } from './support/axe';
import { type ExtensionBrowser, launchWithExtension, sidebar, signIn } from './support/browser';
import { expectConfirmedByEndpoint } from './support/confirmed';
import { startEndpoint } from './support/endpoint';
import { startFaultProxy } from './support/fault-proxy';
import { saveSidebarScreenshot } from './support/screenshots';

// Every state the sidebar can reach in a real browser, checked by axe (WCAG 2.1 A and AA) in the
// light and the dark colour scheme, and saved as a screenshot of each.

const clio = (id: string) => `https://app.clio.com/nc/#/contacts/${id}`;
// The context and the delta feed: failing both keeps the cache empty (sign-in starts a sync).
const NOTHING_CACHED = /\/v1\/(changes|clients\/[^/]+\/context)/;

let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
let browser: ExtensionBrowser;

test.beforeEach(async () => {
  endpoint = await startEndpoint();
  browser = await launchWithExtension();
});

test.afterEach(async () => {
  await browser.context.close();
  await endpoint.close();
});

/** Axe on the sidebar frame in both colour schemes; a screenshot of each (the light one for the README when asked). */
async function checkBothSchemes(page: Page, state: string, options: { readme?: boolean } = {}) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // The frame really follows the scheme (it is another origin, so check inside it).
    await expect.poll(() => sidebar(page).locator('body').evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    expect(await axeViolations(page, { include: SIDEBAR_FRAME }), `${state} in ${scheme}`).toEqual([]);
    await saveSidebarScreenshot(page, scheme === 'light' ? state : `${state}-dark`, { readme: options.readme && scheme === 'light' });
  }
}

async function open(url: string) {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

test('ready: the client’s relationship passes axe in light and dark', async () => {
  await signIn(browser, endpoint.url, DEMO_TOKENS.partner);
  const page = await open(clio('1001'));
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  await expect(sidebar(page).getByTestId('freshness')).toContainText('Updated');
  await checkBothSchemes(page, 'ready', { readme: true });
});

test('need form, with a field error showing, passes axe', async () => {
  await signIn(browser, endpoint.url, DEMO_TOKENS.secondee);
  const page = await open(clio('1001'));
  const lens = sidebar(page);
  await lens.getByRole('button', { name: 'Log a need', exact: true }).click();
  await lens.getByLabel('Need', { exact: true }).fill('GDPR review of the new HR system');
  await lens.getByRole('button', { name: 'Log need' }).click();
  await expect(lens.getByText('Choose a practice area.')).toBeVisible();
  await expect(lens.getByLabel('Noticed during')).toHaveValue('s-northwind-okafor'); // Sam is seconded there
  await checkBothSchemes(page, 'need-form', { readme: true });
});

test('BD flag form passes axe', async () => {
  await signIn(browser, endpoint.url, DEMO_TOKENS.bd);
  const page = await open(clio('1001'));
  const lens = sidebar(page);
  await lens.getByRole('button', { name: 'Edit flag' }).click();
  await expect(lens.getByLabel('Why is this client a candidate?')).toBeFocused();
  await lens.getByTestId('candidate-flag').scrollIntoViewIfNeeded();
  await checkBothSchemes(page, 'bd-flag', { readme: true });
});

test('offline: cached context with its age passes axe', async () => {
  await signIn(browser, endpoint.url, DEMO_TOKENS.partner);
  const page = await open(clio('1001'));
  await expect(sidebar(page).getByTestId('freshness')).toContainText('Updated');
  await endpoint.close();
  await page.reload();
  await expect(sidebar(page).getByTestId('freshness')).toContainText('Offline — from just now');
  await checkBothSchemes(page, 'offline', { readme: true });
});

test('not-found: search and link passes axe', async () => {
  await signIn(browser, endpoint.url, DEMO_TOKENS.partner);
  const page = await open(clio('1999'));
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Not a client we know' })).toBeVisible();
  await checkBothSchemes(page, 'not-found', { readme: true });
});

test('ambiguous: pick a client passes axe', async () => {
  await signIn(browser, endpoint.url, DEMO_TOKENS.partner);
  const page = await open(clio('1003'));
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Which client is this?' })).toBeVisible();
  await checkBothSchemes(page, 'ambiguous');
});

test('restricted: passes axe and shows neither the client’s name nor the page’s label', async () => {
  // How a walled client reaches the sidebar: Sam saw Harbor before a wall was raised for him, so
  // the record is still linked on his machine; the endpoint now refuses the context with 403.
  (await endpoint.store.liftWall(DEMO_USERS.secondee.id, HARBOR_ID));
  await signIn(browser, endpoint.url, DEMO_TOKENS.secondee);
  const page = await open(clio('1002'));
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', { level: 1, name: 'Harbor Biotech Ltd' })).toBeVisible();
  await expectConfirmedByEndpoint(lens); // seen online: the endpoint gave the record's mapping
  (await endpoint.store.raiseWall(DEMO_USERS.secondee.id, HARBOR_ID));
  await page.reload();
  await expect(lens.getByRole('heading', { level: 1, name: 'Restricted' })).toBeVisible();
  await expect(lens.locator('body')).not.toContainText('Harbor');
  await checkBothSchemes(page, 'restricted', { readme: true });
});

test('signed-out: not connected passes axe', async () => {
  const page = await open(clio('1001'));
  await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Not connected' })).toBeVisible();
  await checkBothSchemes(page, 'signed-out');
});

test('error: nothing cached and the endpoint failing passes axe', async () => {
  const proxy = await startFaultProxy(endpoint.url);
  try {
    proxy.set({ kind: 'status', status: 502 }, NOTHING_CACHED);
    await signIn(browser, proxy.url, DEMO_TOKENS.partner);
    const page = await open(clio('1001'));
    const lens = sidebar(page);
    await expect(lens.getByRole('heading', { level: 1, name: 'Could not load this client' })).toBeVisible();
    await lens.getByRole('button', { name: 'Details for IT' }).click();
    await checkBothSchemes(page, 'error', { readme: true });
  } finally {
    await proxy.close();
  }
});

test('loading: the look-up in progress passes axe', async () => {
  const proxy = await startFaultProxy(endpoint.url);
  try {
    proxy.set({ kind: 'hang' }, NOTHING_CACHED); // the endpoint never answers: the sidebar stays on "looking up"
    await signIn(browser, proxy.url, DEMO_TOKENS.partner);
    const page = await open(clio('1001'));
    await expect(sidebar(page).getByRole('heading', { level: 1, name: 'Looking up this client…' })).toBeVisible();
    await checkBothSchemes(page, 'loading');
  } finally {
    await proxy.close();
  }
});

test('the options page passes axe (report only: the options page belongs to the background work)', async () => {
  const page = await open(`chrome-extension://${browser.extensionId}/options.html`);
  await expect(page.getByLabel('Firm endpoint')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page), `options in ${scheme}`).toEqual([]);
  }
});
