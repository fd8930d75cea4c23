import { expect, test } from '@playwright/test';
import { DEMO_CLIENTS, DEMO_RECORDS, DEMO_USERS } from '../../server/demo/demo-ids';
import { sidebar } from './support/browser';
import { signedInPerTest } from './support/signed-in';

// A record the firm has no client for is linked from the sidebar (saved at the endpoint); a record
// that matches several clients waits for the user's pick, which is remembered.

const session = signedInPerTest();

test('links an unknown Clio contact to a firm client, saved at the endpoint', async () => {
  const unmapped = DEMO_RECORDS.unmappedClioContact;
  expect((await session.endpoint.store.resolve(DEMO_USERS.partner.id, unmapped))).toEqual([]);
  const page = await session.browser.context.newPage();
  await page.goto(`https://app.clio.com/nc/#/contacts/${unmapped.externalId}`);
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', { name: 'Not a client we know' })).toBeVisible();
  await expect(lens.getByTestId('bound-record')).toContainText('Clio contact · Unknown Trading Ltd (1999)');

  const search = lens.getByRole('searchbox', { name: 'Search the firm’s clients' });
  await expect(search).toHaveValue('Unknown Trading Ltd'); // the page's label, as a start
  await search.fill('Meridian');
  await search.press('Enter');
  await lens.getByRole('button', { name: /Link to Meridian Retail Group/ }).click();

  await expect(lens.getByRole('heading', { level: 1, name: DEMO_CLIENTS.meridian.name })).toBeVisible();
  expect((await session.endpoint.store.resolve(DEMO_USERS.partner.id, unmapped)).map((c) => c.id)).toEqual([DEMO_CLIENTS.meridian.id]);

  await page.reload();
  await expect(lens.getByRole('heading', { level: 1, name: DEMO_CLIENTS.meridian.name })).toBeVisible();
  await expect(lens.getByTestId('bound-record')).toContainText('Clio contact · Unknown Trading Ltd (1999)');
});

test('asks which client an ambiguous Clio contact is, and remembers the pick', async () => {
  const aldgate = DEMO_RECORDS.aldgateClioContact;
  const page = await session.browser.context.newPage();
  await page.goto(`https://app.clio.com/nc/#/contacts/${aldgate.externalId}`);
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', { name: 'Which client is this?' })).toBeVisible();
  // Both clients offered, neither picked for the user.
  await expect(lens.getByRole('button', { name: new RegExp(DEMO_CLIENTS.aldgate.name) })).toBeVisible();
  await lens.getByRole('button', { name: new RegExp(DEMO_CLIENTS.aldgateHoldings.name) }).click();
  await expect(lens.getByRole('heading', { level: 1, name: DEMO_CLIENTS.aldgateHoldings.name })).toBeVisible();

  await page.reload();
  await expect(lens.getByRole('heading', { level: 1, name: DEMO_CLIENTS.aldgateHoldings.name })).toBeVisible();
  await expect(lens.getByRole('heading', { name: 'Which client is this?' })).toHaveCount(0);
  await expect(lens.getByTestId('bound-record')).toContainText('Clio contact · Aldgate Capital (1003)');
});
