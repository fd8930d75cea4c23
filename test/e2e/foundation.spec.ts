import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { NORTHWIND_ID } from '../../server/demo/demo-ids';
import { sidebar } from './support/browser';
import { signedInPerTest } from './support/signed-in';
import { SCREENSHOTS } from './support/paths';

const NORTHWIND_CONTACT = 'https://app.clio.com/nc/#/contacts/1001';

const session = signedInPerTest();

test('shows the client’s secondment relationship beside a Clio contact record', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(NORTHWIND_CONTACT);
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  await expect(lens.getByTestId('bound-record')).toContainText('Clio contact · Northwind Logistics plc');
  await expect(lens.getByTestId('freshness')).toContainText('Updated');
  const active = lens.getByTestId('active-secondees');
  await expect(active).toContainText('Sam Okafor');
  await expect(active).toContainText('Reverse secondment');
  await expect(lens.getByTestId('summary')).toContainText('2 active');
  await expect(lens.getByTestId('open-objectives').locator('li').first()).toBeVisible();
  await expect(lens.getByTestId('needs').locator('li.need').first()).toBeVisible();
  await expect(lens.getByTestId('candidate-flag')).toContainText('Flagged as a candidate');
  await expect(lens.getByTestId('history').locator('li').first()).toBeVisible();
  // The partner is a lawyer, not BD: no flagging offered.
  await expect(lens.getByRole('button', { name: /flag/i })).toHaveCount(0);

  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'sidebar-ready.png') });
});

test('keeps client data out of the host page', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(NORTHWIND_CONTACT);
  await expect(sidebar(page).getByText('Sam Okafor').first()).toBeVisible();
  const hostView = await page.evaluate(() => {
    const frame = document.querySelector('iframe[data-secondment-lens]') as HTMLIFrameElement | null;
    let frameDocument: unknown = 'unreadable';
    try {
      frameDocument = frame?.contentDocument ?? null;
    } catch {
      frameDocument = 'threw';
    }
    return { html: document.documentElement.outerHTML, frameDocument: frameDocument === null ? null : String(frameDocument) };
  });
  expect(hostView.frameDocument).toBeNull(); // cross-origin: the page cannot read the sidebar
  expect(hostView.html).not.toContain('Sam Okafor');
  // The one storage area a content script can read holds no token (it lives in the worker's own IndexedDB).
  const local = await session.browser.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<object> } } } }).chrome;
    return JSON.stringify(await api.storage.local.get(null));
  });
  expect(local).not.toContain('demo-partner-token');
});

test('logs a new unmet need from the sidebar and the endpoint stores it', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(NORTHWIND_CONTACT);
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  const before = (await session.endpoint.store.countNeeds(NORTHWIND_ID));

  await lens.getByRole('button', { name: 'Log a need', exact: true }).click();
  // Refused in the form: no title. What was typed stays.
  await lens.getByLabel('Detail').fill('Their new depot in Rotterdam needs Dutch employment contracts.');
  await lens.getByRole('button', { name: 'Log need' }).click();
  await expect(lens.getByText('Give the need a title.')).toBeVisible();
  await expect(lens.getByLabel('Detail')).toHaveValue('Their new depot in Rotterdam needs Dutch employment contracts.');

  await lens.getByLabel('Need', { exact: true }).fill('Dutch employment contracts for Rotterdam depot');
  await lens.getByLabel('Practice area').selectOption('Employment');
  await lens.getByLabel('Need', { exact: true }).press('Enter');

  const logged = lens.getByTestId('needs').locator('li.need', { hasText: 'Dutch employment contracts for Rotterdam depot' });
  await expect(logged).toHaveCount(1);
  await expect(logged).toContainText('New');
  await expect.poll(async () => (await session.endpoint.store.countNeeds(NORTHWIND_ID))).toBe(before + 1);
  const stored = (await session.endpoint.store.listNeeds(NORTHWIND_ID)).find((n) => n.title === 'Dutch employment contracts for Rotterdam depot');
  expect(stored?.practiceArea).toBe('Employment');
  expect(stored?.identifiedBy.name).toBe('Eleanor Marsh');
});

test('shows the cached context, the reason and its age when the endpoint is down', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(NORTHWIND_CONTACT);
  const lens = sidebar(page);
  await expect(lens.getByTestId('freshness')).toContainText('Updated');
  await session.endpoint.close();

  await page.reload();
  await expect(lens.getByTestId('freshness')).toContainText('Offline — from just now');
  await expect(lens.getByText('The firm endpoint cannot be reached.')).toBeVisible();
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  await expect(lens.getByTestId('active-secondees')).toContainText('Sam Okafor');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'sidebar-offline.png') });
});
