import { expect, test } from '@playwright/test';
import { DEMO_TOKENS, MERIDIAN_ID, NORTHWIND_ID } from '../../server/demo/demo-ids';
import { type ExtensionBrowser, launchWithExtension, sidebar, signIn } from './support/browser';
import { startEndpoint } from './support/endpoint';

// Candidate flags: BD flags, edits and clears; everyone else sees the flag and is not offered to
// change it, and the endpoint refuses them if they try anyway.

let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
const browsers: ExtensionBrowser[] = [];

async function browserSignedInAs(token: string) {
  const browser = await launchWithExtension(); // a fresh profile: one user per browser, as at a firm
  browsers.push(browser);
  await signIn(browser, endpoint.url, token);
  return browser;
}

/** The Clio contact page of a firm client, found from the endpoint's own mapping. */
async function clioContactOf(clientId: string): Promise<string> {
  const record = (await endpoint.store.getClient(clientId))?.externalIds.find((r) => r.system === 'clio' && r.kind === 'contact');
  if (!record) throw new Error(`${clientId} has no Clio contact`);
  return `https://app.clio.com/nc/#/contacts/${record.externalId}`;
}

test.beforeEach(async () => {
  endpoint = await startEndpoint();
});

test.afterEach(async () => {
  for (const browser of browsers.splice(0)) await browser.context.close();
  await endpoint.close();
});

test('BD flags a client as a candidate → the partner sees the flag, is not offered to change it, and the endpoint refuses the partner', async () => {
  expect((await endpoint.store.getFlag(MERIDIAN_ID))).toBeNull();
  const meridian = await clioContactOf(MERIDIAN_ID);

  // BD (Priya Shah) flags Meridian.
  const bd = await browserSignedInAs(DEMO_TOKENS.bd);
  const bdPage = await bd.context.newPage();
  await bdPage.goto(meridian);
  const bdLens = sidebar(bdPage);
  await expect(bdLens.getByRole('heading', { level: 1, name: 'Meridian Retail Group' })).toBeVisible();
  await expect(bdLens.getByTestId('candidate-flag')).toContainText('Not flagged as a secondment candidate.');
  await bdLens.getByRole('button', { name: 'Flag as candidate' }).click();
  await bdLens.getByLabel('Why is this client a candidate?').fill('New GC is building an in-house team and asked about a six-month secondee.');
  await bdLens.getByLabel('Priority').selectOption('high');
  await bdLens.getByRole('button', { name: 'Save flag' }).click();
  await expect(bdLens.getByTestId('flag-summary')).toContainText('Flagged as a candidate · High priority');
  await expect(bdLens.getByRole('button', { name: 'Flag as candidate' })).toHaveCount(0);
  await expect(bdLens.getByRole('button', { name: 'Edit flag' })).toBeVisible();
  await expect.poll(async () => (await endpoint.store.getFlag(MERIDIAN_ID))?.reason).toBe('New GC is building an in-house team and asked about a six-month secondee.');
  expect((await endpoint.store.getFlag(MERIDIAN_ID))).toMatchObject({ priority: 'high', flaggedBy: { name: 'Priya Shah' } });
  await expect(bdLens.getByTestId('summary')).toContainText('candidate');

  // The partner (Eleanor Marsh, a lawyer) opens the same client on her own machine.
  const partner = await browserSignedInAs(DEMO_TOKENS.partner);
  const partnerPage = await partner.context.newPage();
  await partnerPage.goto(meridian);
  const partnerLens = sidebar(partnerPage);
  const flag = partnerLens.getByTestId('candidate-flag');
  await expect(flag).toContainText('Flagged as a candidate · High priority');
  await expect(flag).toContainText('New GC is building an in-house team and asked about a six-month secondee.');
  await expect(flag).toContainText('Priya Shah');
  // Not offered: no button at all in the flag section, none anywhere that mentions flagging.
  await expect(flag.getByRole('button')).toHaveCount(0);
  await expect(partnerLens.getByRole('button', { name: /flag/i })).toHaveCount(0);

  // And the endpoint refuses her if she tries anyway, leaving the flag as BD set it.
  const url = `${endpoint.url}/v1/clients/${MERIDIAN_ID}/candidate-flag`;
  const headers = { Authorization: `Bearer ${DEMO_TOKENS.partner}`, 'Content-Type': 'application/json' };
  const put = await fetch(url, { method: 'PUT', headers, body: JSON.stringify({ reason: 'Partner override', priority: 'low' }) });
  expect(put.status).toBe(403);
  const del = await fetch(url, { method: 'DELETE', headers });
  expect(del.status).toBe(403);
  expect((await endpoint.store.getFlag(MERIDIAN_ID))).toMatchObject({ reason: 'New GC is building an in-house team and asked about a six-month secondee.', priority: 'high' });
});

test('BD edits a flag (the form prefilled) and clears it; the endpoint follows', async () => {
  const bd = await browserSignedInAs(DEMO_TOKENS.bd);
  const page = await bd.context.newPage();
  await page.goto(await clioContactOf(NORTHWIND_ID));
  const lens = sidebar(page);
  await expect(lens.getByTestId('flag-summary')).toContainText('High priority');
  const original = (await endpoint.store.getFlag(NORTHWIND_ID))!;

  await lens.getByRole('button', { name: 'Edit flag' }).click();
  const reason = lens.getByLabel('Why is this client a candidate?');
  await expect(reason).toHaveValue(original.reason);
  await expect(reason).toBeFocused();
  await reason.fill(`${original.reason} Confirmed at the March review.`);
  await lens.getByLabel('Priority').selectOption('medium');
  await lens.getByRole('button', { name: 'Save flag' }).click();
  await expect(lens.getByTestId('flag-summary')).toContainText('Medium priority');
  await expect(lens.getByRole('button', { name: 'Edit flag' })).toBeFocused(); // back where the user started
  await expect.poll(async () => (await endpoint.store.getFlag(NORTHWIND_ID))?.priority).toBe('medium');

  await lens.getByRole('button', { name: 'Clear flag' }).click();
  await lens.getByRole('button', { name: 'Yes, clear it' }).click(); // destructive: it asks first
  await expect(lens.getByTestId('candidate-flag')).toContainText('Not flagged as a secondment candidate.');
  await expect(lens.getByRole('button', { name: 'Flag as candidate' })).toBeFocused();
  await expect.poll(async () => (await endpoint.store.getFlag(NORTHWIND_ID))).toBeNull();
});
