import { expect, type Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEMO_TOKENS, MERIDIAN_ID } from '../../server/demo/demo-ids';
import { type ExtensionBrowser, PAGE_SCRIPT_ID, registeredContentScripts, sidebar, signIn } from './support/browser';
import { startEndpoint } from './support/endpoint';
import { SCREENSHOTS } from './support/paths';
import { PMS_PAGES, routePmsPages } from './support/pms-pages';
import { buildWithTestHosts, launchExtensionFrom } from './support/test-host-build';

// A system no built-in plug-in knows (the firm's intranet) becomes a PMS through a rule entered in
// the options page. This build is granted the intranet host up front: headless Chromium cannot
// answer the permission prompt (see support/test-host-build.ts); the rest is the shipped path.

const HOST = PMS_PAGES.intranet.host;
const CLIENT_PAGE = `https://${HOST}/crm/clients/1004`;
const RULE = {
  name: 'Intranet CRM clients',
  urlPattern: String.raw`^https://intranet\.firm\.example/crm/clients/(?<externalId>\d+)(?:[/?#]|$)`,
  labelSelector: 'h1.client-name',
};

let extensionDir: string;
let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
let browser: ExtensionBrowser;

test.beforeAll(() => {
  test.setTimeout(180_000);
  extensionDir = buildWithTestHosts([HOST]);
});

test.beforeEach(async () => {
  endpoint = await startEndpoint();
  // The demo firm knows this intranet record as Meridian (system `generic`, tenant = the host).
  (await endpoint.store.addMapping(MERIDIAN_ID, { system: 'generic', kind: 'client', externalId: '1004', tenant: HOST }));
  browser = await launchExtensionFrom(extensionDir);
  await routePmsPages(browser.context);
  await signIn(browser, endpoint.url, DEMO_TOKENS.partner);
});

test.afterEach(async () => {
  await browser.context.close();
  await endpoint.close();
});

async function openOptions(): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await expect(options.getByRole('heading', { name: 'Your firm’s systems' })).toBeVisible();
  return options;
}

async function addRule(options: Page, rule: { name: string; urlPattern: string; labelSelector?: string }): Promise<void> {
  await options.getByLabel('Rule name').fill(rule.name);
  await options.getByLabel('URL pattern').fill(rule.urlPattern);
  await options.getByLabel('Record kind').selectOption('client');
  if (rule.labelSelector) await options.getByLabel('Name on the page (CSS selector, optional)').fill(rule.labelSelector);
  await options.getByRole('button', { name: 'Add rule' }).click();
}

/** The content script's registrations other than the built-in systems' one (always there with the frame). */
const registeredMatches = async () => (await registeredContentScripts(browser.worker))
  .filter((s) => s.id !== PAGE_SCRIPT_ID).map(({ id, matches }) => ({ id, matches }));

test('detects a page of the firm’s own system with a rule entered in the options page', async () => {
  const page = await browser.context.newPage();
  await page.goto(CLIENT_PAGE);
  await expect(page.getByRole('heading', { name: 'Meridian Retail Group' })).toBeVisible();
  await expect(page.locator('iframe[data-secondment-lens]')).toHaveCount(0); // no rule, no content script

  const options = await openOptions();
  await addRule(options, RULE);
  const listed = options.getByRole('list', { name: 'Your rules' }).getByTestId('rule');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(RULE.name);
  await expect(listed.getByTestId('rule-access')).toHaveText('Active on this computer');
  expect(await registeredMatches()).toEqual([{ id: 'lens-generic-rules', matches: [`https://${HOST}/*`] }]);

  await page.reload();
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', { level: 1, name: 'Meridian Retail Group' })).toBeVisible();
  await expect(lens.getByTestId('bound-record')).toContainText('Firm system client · Meridian Retail Group (1004)');
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'plugins-generic-rule.png') });

  // The search page of the same host is not a record: the rule does not match it.
  await page.goto(`https://${HOST}/crm/search?q=1004`);
  await expect(page.getByRole('heading', { name: 'Client search' })).toBeVisible();
  await expect(page.locator('iframe[data-secondment-lens]')).toBeHidden();
});

test('reports a bad rule next to the form and does not add it', async () => {
  const options = await openOptions();
  await addRule(options, { name: 'No id group', urlPattern: String.raw`^https://intranet\.firm\.example/crm/clients/\d+` });
  await expect(options.getByTestId('rule-form-error')).toContainText('must have a named group (?<externalId>…)');
  await addRule(options, { name: 'Any host', urlPattern: String.raw`^https://.*/clients/(?<externalId>\d+)` });
  await expect(options.getByTestId('rule-form-error')).toContainText('must name a literal host');
  await expect(options.getByTestId('rule')).toHaveCount(0);
  expect(await registeredMatches()).toEqual([]);
  await expect(options.getByLabel('URL pattern')).toHaveValue(String.raw`^https://.*/clients/(?<externalId>\d+)`); // kept to fix
});

test('a removed rule stops detecting, and its content script is unregistered', async () => {
  const options = await openOptions();
  await addRule(options, RULE);
  await expect(options.getByTestId('rule')).toHaveCount(1);
  await options.getByTestId('rule').getByRole('button', { name: 'Remove' }).click();
  await expect(options.getByTestId('rule')).toHaveCount(0);
  expect(await registeredMatches()).toEqual([]);

  const page = await browser.context.newPage();
  await page.goto(CLIENT_PAGE);
  await expect(page.getByRole('heading', { name: 'Meridian Retail Group' })).toBeVisible();
  await expect(page.locator('iframe[data-secondment-lens]')).toHaveCount(0);
});
