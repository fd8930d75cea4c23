import { expect, type Page, test } from '@playwright/test';
import { DEMO_TOKENS } from '../../server/demo/demo-ids';
import { sidebar, signIn } from './support/browser';
import { expectConfirmedByEndpoint } from './support/confirmed';
import { proxiedPerTest } from './support/proxied';
import { expectSyncDone } from './support/worker';

// Each tab may start ten endpoint look-ups at once, then one every three seconds
// (lib/background/lookup-rate-limit.ts). Only what reaches the endpoint spends that budget: a person
// switching between records already in the cache sees each at once, past the burst too, while a
// page reporting record after record the cache does not know still cannot drive the endpoint.

const session = proxiedPerTest();
const CLIENTS = { '1001': 'Northwind Logistics plc', '1002': 'Harbor Biotech Ltd' } as const;
/** A look-up of one of the records 1900–1999, which no client lists. */
const UNKNOWN_LOOKUP = /^GET \/v1\/resolve\?.*externalId=19\d\d\b/;
/** The endpoint request of a look-up of a cached client (its mapping is fresh: the context alone). */
const CACHED_REVALIDATION = /^GET \/v1\/clients\/[^/]+\/context/;

const goTo = (page: Page, id: string) => page.evaluate((to) => { location.hash = `#/contacts/${to}`; }, id);

test('past the burst, a switch to a cached record paints at once; records only the endpoint knows wait for the budget', async () => {
  const { browser, proxy } = session;
  await signIn(browser, proxy.url, DEMO_TOKENS.partner);
  // The first book sync done: its end reloads every view, which would abort a look-up in its wait
  // before it spends its token.
  await expectSyncDone(browser);
  // Both clients into the cache, from another tab (each tab has its own budget).
  const warm = await browser.context.newPage();
  await warm.goto('https://app.clio.com/nc/#/contacts/1001');
  await expect(sidebar(warm).getByRole('heading', { level: 1, name: CLIENTS['1001'] })).toBeVisible();
  await goTo(warm, '1002');
  await expect(sidebar(warm).getByRole('heading', { level: 1, name: CLIENTS['1002'] })).toBeVisible();
  await warm.close();

  const page = await browser.context.newPage();
  await page.goto('https://app.clio.com/nc/#/contacts/1001');
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', { level: 1, name: CLIENTS['1001'] })).toBeVisible();
  await expectConfirmedByEndpoint(lens); // the page's own look-up: the first of the tab's ten tokens
  // Twice the burst of switches in a few seconds, each shown well before the next token is earned
  // (3 s): with a budget on every look-up, those past the tenth would say "Looking up…" instead. Each
  // of the first nine stays until its look-up has asked the endpoint (which a look-up painted from the
  // cache does PAINT_FIRST_MS later): the burst is spent, then the switches go on.
  const asked = () => proxy.requests(CACHED_REVALIDATION);
  const before = asked().length;
  for (let i = 0; i < 20; i++) {
    const id = i % 2 === 0 ? '1002' : '1001';
    await goTo(page, id);
    await expect(lens.getByRole('heading', { level: 1, name: CLIENTS[id] }), `switch ${i + 1}`).toBeVisible({ timeout: 1_500 });
    if (i < 9) await expect.poll(() => asked().length, `switch ${i + 1} spends a token`).toBe(before + i + 1);
  }
  const burstSpentAt = asked()[before + 8]!.at;

  // A page reporting record after record that no cache holds: each says it is being looked up, but
  // the endpoint hears of no more than the budget earned meanwhile (the burst is spent).
  for (let id = 1900; id < 1940; id++) {
    await goTo(page, String(id));
    await page.waitForTimeout(20);
  }
  await expect(lens.getByRole('heading', { level: 1, name: 'Looking up this client…' })).toBeVisible();
  const earned = 1 + Math.floor((Date.now() - burstSpentAt) / 3_000);
  expect(proxy.requests(UNKNOWN_LOOKUP).length).toBeLessThanOrEqual(earned);
  // The record the page shows last is looked up when the budget allows, and only it of the rest.
  await expect(lens.getByRole('heading', { level: 1, name: 'Not a client we know' })).toBeVisible({ timeout: 6_000 });
  expect(proxy.requests(/^GET \/v1\/resolve\?.*externalId=1939\b/)).toHaveLength(1);
  expect(proxy.requests(UNKNOWN_LOOKUP).length).toBeLessThanOrEqual(earned + 1);
});
