import { expect, test } from 'vitest';
import type { Worker } from '@playwright/test';
import { DEMO_TOKENS, DEMO_USERS, NORTHWIND_ID } from '../../server/demo/demo-ids';
import { readCache } from '../e2e/support/cache-probe';
import { firefoxPerFile, openPmsPage, sidebarFrame, sidebarText, signInFromSidebar } from './support/firefox';

// An ethical wall raised at the endpoint while the secondee has the client cached
// (test/e2e/walls-and-sync.spec.ts, in Firefox): the next look-up purges it.

const NORTHWIND_CONTACT = 'https://app.clio.com/nc/#/contacts/1001';

const suite = firefoxPerFile();

/** The extension's IndexedDB, read in the options tab (same origin as the background page). */
function cache() {
  const options = suite.firefox.options;
  if (!options) throw new Error('not signed in');
  return readCache({ evaluate: (fn: () => unknown) => options.evaluate(fn) } as unknown as Worker);
}

test('a 403 for a cached client purges it and the sidebar says "restricted" without its name', async () => {
  const page = await openPmsPage(suite.firefox, NORTHWIND_CONTACT);
  await signInFromSidebar(suite.firefox, page, suite.endpoint.url, DEMO_TOKENS.secondee);
  await page.reload();
  let lens = await sidebarFrame(page);
  await expect.poll(() => sidebarText(lens), { timeout: 15_000 }).toContain('Northwind Logistics plc');
  expect((await cache()).clientIds).toContain(NORTHWIND_ID);

  (await suite.endpoint.store.raiseWall(DEMO_USERS.secondee.id, NORTHWIND_ID));
  await page.reload();
  lens = await sidebarFrame(page);
  await expect.poll(() => lens.evaluate(() => document.querySelector('h1')?.textContent), { timeout: 15_000 }).toBe('Restricted');
  const text = await sidebarText(lens);
  expect(text).not.toContain('Northwind');
  expect(text).not.toContain('Sam Okafor');
  expect((await cache()).clientIds).not.toContain(NORTHWIND_ID);
});
