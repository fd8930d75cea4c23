import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { DEMO_TOKENS, NORTHWIND_ID } from '../../server/demo/demo-ids';
import { startEndpoint } from '../e2e/support/endpoint';
import { elementIn, type FirefoxWithExtension, launchFirefoxWithExtension, openPmsPage, sidebarFrame, sidebarText, signInFromSidebar } from './support/firefox';

// The core flows of the Chromium suite (test/e2e/foundation.spec.ts), in Firefox. One browser for
// the file, signed in as the partner; the tests run in order and the last one stops the endpoint.

const NORTHWIND_CONTACT = 'https://app.clio.com/nc/#/contacts/1001';

let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
let firefox: FirefoxWithExtension;
let page: Page;

beforeAll(async () => {
  endpoint = await startEndpoint();
  firefox = await launchFirefoxWithExtension();
  page = await openPmsPage(firefox, NORTHWIND_CONTACT);
  await signInFromSidebar(firefox, page, endpoint.url, DEMO_TOKENS.partner);
});

afterAll(async () => {
  await firefox?.close();
  await endpoint?.close();
});

test('shows the client’s secondment relationship beside a Clio contact record, and none of it in the page', async () => {
  await page.reload();
  const lens = await sidebarFrame(page);
  await expect.poll(() => lens.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Northwind Logistics plc');
  const text = await sidebarText(lens);
  expect(text).toContain('Clio contact · Northwind Logistics plc');
  expect(text).toContain('Sam Okafor');
  expect(text).toContain('Reverse secondment');
  expect(text).toContain('Flagged as a candidate');
  const hostHtml = await page.evaluate(() => document.documentElement.outerHTML);
  expect(hostHtml).not.toContain('Sam Okafor');
});

test('logs a new unmet need from the sidebar and the endpoint stores it', async () => {
  const lens = await sidebarFrame(page);
  const before = (await endpoint.store.countNeeds(NORTHWIND_ID));
  await (await elementIn(lens, '[data-testid="needs"] button.primary')).click();
  await (await elementIn(lens, '#need-title')).type('Dutch employment contracts for Rotterdam depot');
  await (await elementIn(lens, '#need-area')).select('Employment');
  await (await elementIn(lens, 'form.need-form button[type="submit"]')).click();

  await expect.poll(async () => (await endpoint.store.countNeeds(NORTHWIND_ID)), { timeout: 15_000 }).toBe(before + 1);
  const stored = (await endpoint.store.listNeeds(NORTHWIND_ID)).find((n) => n.title === 'Dutch employment contracts for Rotterdam depot');
  expect(stored?.practiceArea).toBe('Employment');
  expect(stored?.identifiedBy.name).toBe('Eleanor Marsh');
  await expect.poll(() => lens.evaluate(() => document.querySelector('[data-testid="needs"]')?.textContent ?? ''))
    .toContain('Dutch employment contracts for Rotterdam depot');
});

test('shows the cached context, the reason and its age when the endpoint is down', async () => {
  await endpoint.close();
  await page.reload();
  const lens = await sidebarFrame(page);
  await expect.poll(() => sidebarText(lens), { timeout: 15_000 }).toContain('Offline — from');
  const text = await sidebarText(lens);
  expect(text).toContain('The firm endpoint cannot be reached.');
  expect(text).toContain('Northwind Logistics plc');
  expect(text).toContain('Sam Okafor');
});
