import { expect, test } from '@playwright/test';
import { DEMO_TOKENS } from '../../server/demo/demo-ids';
import { type ExtensionBrowser, launchWithExtension, sidebar, signIn } from './support/browser';
import { startEndpoint } from './support/endpoint';
import { type Fault, startFaultProxy } from './support/fault-proxy';
import { setUserSettings } from './support/worker';

const NORTHWIND_CONTACT = 'https://app.clio.com/nc/#/contacts/1001';
const CONTEXT_PATH = /\/v1\/clients\/[^/]+\/context/;

let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
let browser: ExtensionBrowser;

test.beforeEach(async () => {
  endpoint = await startEndpoint();
  proxy = await startFaultProxy(endpoint.url);
  browser = await launchWithExtension();
  // A short time-out so the hanging-endpoint case takes seconds, not the default 20.
  await setUserSettings(browser.worker, { requestTimeoutSeconds: 2 });
});

test.afterEach(async () => {
  await browser.context.close();
  await proxy.close();
  await endpoint.close();
});

const cases: { name: string; fault: Fault; message: string }[] = [
  { name: 'a response that fails the schema', fault: { kind: 'body', body: JSON.stringify({ client: { id: 42 }, secondments: 'many' }) }, message: 'The firm endpoint sent an answer Secondment Lens cannot read.' },
  { name: 'malformed JSON', fault: { kind: 'body', body: '{"client": {"id": "c-northwind", ' }, message: 'The firm endpoint sent an answer Secondment Lens cannot read.' },
  { name: 'an oversized response', fault: { kind: 'body', body: `{"pad":"${'x'.repeat(9 * 1024 * 1024)}"}` }, message: 'The firm endpoint sent more data than expected.' },
  { name: 'a 500', fault: { kind: 'status', status: 500 }, message: 'The firm endpoint has a problem right now.' },
  { name: 'a 503 with Retry-After', fault: { kind: 'status', status: 503, headers: { 'Retry-After': '30' } }, message: 'The firm endpoint has a problem right now.' },
  { name: 'a time-out', fault: { kind: 'hang' }, message: 'The firm endpoint did not answer in time.' },
  { name: 'a dropped connection', fault: { kind: 'drop' }, message: 'The firm endpoint cannot be reached.' },
];

for (const { name, fault, message } of cases) {
  test(`keeps the cached context and says why after ${name}`, async () => {
    await signIn(browser, proxy.url, DEMO_TOKENS.partner);
    const page = await browser.context.newPage();
    await page.goto(NORTHWIND_CONTACT);
    const lens = sidebar(page);
    await expect(lens.getByTestId('freshness')).toContainText('Updated');

    proxy.set(fault, CONTEXT_PATH);
    await page.reload();
    await expect(lens.getByText(message)).toBeVisible();
    await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
    await expect(lens.getByTestId('active-secondees')).toContainText('Sam Okafor');
    await expect(lens.getByTestId('freshness')).toContainText(/Offline|Could not update/);
  });
}

test('explains a failure when nothing is cached yet, with details for IT', async () => {
  // Book sync (started by signing in) must not fill the cache either: the change feed fails too.
  proxy.set({ kind: 'status', status: 502 }, /\/v1\/(changes|clients\/[^/]+\/context)/);
  await signIn(browser, proxy.url, DEMO_TOKENS.partner);
  const page = await browser.context.newPage();
  await page.goto(NORTHWIND_CONTACT);
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', { name: 'Could not load this client' })).toBeVisible();
  await expect(lens.getByText('The firm endpoint has a problem right now.')).toBeVisible();
  await lens.getByRole('button', { name: 'Details for IT' }).click();
  await expect(lens.getByText(/HTTP 502/)).toBeVisible();

  proxy.set({ kind: 'pass' });
  await lens.getByRole('button', { name: 'Try again' }).click();
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
});

test('asks the user to sign in again when the token is refused', async () => {
  await signIn(browser, proxy.url, DEMO_TOKENS.partner);
  proxy.set({ kind: 'status', status: 401, headers: { 'WWW-Authenticate': 'Bearer' } }, CONTEXT_PATH);
  const page = await browser.context.newPage();
  await page.goto(NORTHWIND_CONTACT);
  await expect(sidebar(page).getByText('Your sign-in has expired or was refused.')).toBeVisible();
  await expect(sidebar(page).getByRole('button', { name: 'Open the options to sign in' })).toBeVisible();
});
