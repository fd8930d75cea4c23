import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_TOKENS } from '../../server/demo/demo-ids';
import { type ExtensionBrowser, launchWithExtension, sidebar } from './support/browser';
import { axeViolations } from './support/axe';
import { startEndpoint } from './support/endpoint';
import { keyedExtensionCopy, policyPageText, removePolicy, writePolicy } from './support/managed-policy';
import { publishScreenshot } from './support/screenshots';
import { SCREENSHOTS } from './support/paths';

// Firm IT's policy, set the way IT sets it on Linux (a JSON file in /etc/chromium/policies/managed
// with a 3rdparty section for the extension's id), read by Debian's Chromium and handed to the
// extension as managed storage. Issue 13, "Managed policy, proven in Chromium".

type Endpoint = Awaited<ReturnType<typeof startEndpoint>>;

const signInSettings = {
  oidcIssuer: 'https://login.harbourvale.example/tenant-7/v2.0',
  oidcClientId: 'secondment-lens',
  oidcScopes: 'openid email profile offline_access',
  firmName: 'Harbour & Vale LLP',
};

/**
 * Writes `policy` for a keyed copy of the build, starts Chromium with it and runs `check`; the
 * policy file is removed whatever happens, so no other test (or engineer's browser) sees it.
 */
async function withFirmPolicy(policy: (endpointUrl: string) => Record<string, unknown>, check: (browser: ExtensionBrowser, endpoint: Endpoint) => Promise<void>) {
  const endpoint = await startEndpoint();
  const extension = keyedExtensionCopy();
  try {
    writePolicy(extension.extensionId, policy(endpoint.url), { inPlaceBefore: true });
    const browser = await launchWithExtension({ extensionDir: extension.dir });
    try {
      expect(browser.extensionId).toBe(extension.extensionId);
      // Chromium hands the extension its policy a moment after start-up (the page updates when it
      // arrives; the checks below start once it is there).
      await expect.poll(async () => Object.keys(await readManaged(browser)).length, { timeout: 15_000 }).toBeGreaterThan(0);
      await check(browser, endpoint);
    } finally {
      await browser.context.close();
    }
  } finally {
    removePolicy();
    extension.remove();
    await endpoint.close();
  }
}

/** The extension's managed storage, read in its service worker. */
function readManaged(browser: ExtensionBrowser): Promise<Record<string, unknown>> {
  return browser.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { managed: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.managed.get(null));
}

async function openOptions(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  return page;
}

/** An input is locked: read-only, with the firm named as the one who set it. */
async function expectLocked(page: Page, label: string, value: string) {
  const input = page.getByLabel(label, { exact: true });
  await expect(input).toHaveValue(value);
  await expect(input).toHaveJSProperty('readOnly', true);
  await expect(page.locator(`#${await input.getAttribute('aria-describedby')}`)).toHaveText('Set by your firm. Ask your IT team to change it.');
}

async function signInWithTokenOnly(page: Page, endpointUrl: string) {
  await page.getByLabel('API token').fill(DEMO_TOKENS.partner);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('signed-in')).toContainText(`at ${endpointUrl}`);
}

test('the firm’s endpoint and sign-in settings, set by policy, apply and are locked in the options page', async () => {
  await withFirmPolicy((endpointUrl) => ({ endpointUrl, ...signInSettings, maxCacheAgeHours: 48 }), async (browser, endpoint) => {
    const policyPage = await browser.context.newPage();
    const chromium = await policyPageText(policyPage, browser.extensionId);
    for (const key of ['endpointUrl', 'oidcIssuer', 'oidcClientId', 'oidcScopes', 'firmName', 'maxCacheAgeHours']) {
      expect(chromium, `chrome://policy on ${key}`).toMatch(new RegExp(`${key} \\| [^|]+ \\| Platform \\| Machine \\| Mandatory \\| OK`));
    }

    const page = await openOptions(browser);
    await expectLocked(page, 'Firm endpoint', endpoint.url);
    await expectLocked(page, 'Sign-in: identity provider (OIDC issuer)', signInSettings.oidcIssuer);
    await expectLocked(page, 'Sign-in: client id', signInSettings.oidcClientId);
    await expectLocked(page, 'Sign-in: scopes', signInSettings.oidcScopes);
    await expectLocked(page, 'Firm name', signInSettings.firmName);
    await expect(page.getByTestId('sign-in-button-preview')).toHaveText('The sign-in button reads “Sign in with Harbour & Vale LLP”.');
    await expect(page.getByRole('button', { name: 'Save sign-in settings' })).toHaveCount(0);
    await expect(page.getByTestId('firm-policy')).toContainText('Maximum age of cached client data (hours)48');
    await expect(page.getByTestId('setting-problems')).toHaveCount(0);
    mkdirSync(SCREENSHOTS, { recursive: true });
    // For the README: the page from its title down to the settings the firm fixed.
    const top = (await page.locator('main').boundingBox())!;
    const bottom = (await page.getByTestId('firm-policy').boundingBox())!;
    await page.screenshot({ path: path.join(SCREENSHOTS, 'options-policy.png'), animations: 'disabled',
      clip: { x: top.x, y: top.y, width: top.width, height: bottom.y + bottom.height + 12 - top.y } });
    publishScreenshot(path.join(SCREENSHOTS, 'options-policy.png'), 'options-policy');

    // Applied, not only shown: the background signs in at the policy's endpoint with a token alone.
    await signInWithTokenOnly(page, endpoint.url);
  });
});

test('a malformed policy is reported in the options page in plain words, and the extension keeps working on the rest', async () => {
  await withFirmPolicy((endpointUrl) => ({
    endpointUrl,
    firmName: 'Harbour & Vale LLP',
    requestTimeoutSeconds: 'thirty', // wrong type
    cacheMaxClients: 5, // below the schema's minimum of 10
    oidcIssuer: 'http://login.harbourvale.example', // a string, so Chromium passes it; not https
    oidcScopes: 'email profile', // no openid
  }), async (browser, endpoint) => {
    // What Chromium does with values that break managed_schema.json: it drops them before the
    // extension sees them, and chrome://policy lists them as not set (no error is shown there).
    const chromium = await policyPageText(await browser.context.newPage(), browser.extensionId);
    expect(chromium).toMatch(/requestTimeoutSeconds \| Not set\./);
    expect(chromium).toMatch(/cacheMaxClients \| Not set\./);
    expect(chromium).toMatch(/oidcIssuer \| http:\/\/login\.harbourvale\.example \| Platform \| Machine \| Mandatory \| OK/);
    expect(Object.keys(await readManaged(browser)).sort()).toEqual(['endpointUrl', 'firmName', 'oidcIssuer', 'oidcScopes']);

    // What the extension's own rules refuse is reported, in words IT can act on.
    const page = await openOptions(browser);
    const problems = page.getByTestId('setting-problems');
    await expect(problems).toContainText('Part of your firm’s policy for Secondment Lens could not be used; everything else in it applies.');
    await expect(problems.getByRole('listitem')).toHaveText([
      'Your firm’s policy sets “Sign-in: identity provider (OIDC issuer)” to "http://login.harbourvale.example", but it breaks this rule: Use an https:// address (plain http only for this computer, e.g. http://127.0.0.1:8787). Secondment Lens leaves it unset.',
      'Your firm’s policy sets “Sign-in: scopes” to "email profile", but it breaks this rule: List the scopes separated by single spaces, including openid (e.g. "openid email profile offline_access"). Secondment Lens uses "openid email profile offline_access" instead.',
    ]);
    // The valid keys still apply, locked; the refused ones are left to the user.
    await expectLocked(page, 'Firm endpoint', endpoint.url);
    await expectLocked(page, 'Firm name', signInSettings.firmName);
    await expect(page.getByLabel('Sign-in: identity provider (OIDC issuer)')).toHaveJSProperty('readOnly', false);
    for (const scheme of ['light', 'dark'] as const) { // locked fields and the report stay readable
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page), `options under policy, ${scheme}`).toEqual([]);
    }

    // And the extension works: sign-in at the policy's endpoint, then the sidebar on a Clio record.
    await signInWithTokenOnly(page, endpoint.url);
    const clio = await browser.context.newPage();
    await clio.goto('https://app.clio.com/nc/#/contacts/1001');
    await expect(sidebar(clio).getByTestId('freshness')).toContainText('Updated');
  });
});

test('a policy changed while the browser runs is applied at once, in the options page and the background', async () => {
  const second = await startEndpoint();
  try {
    await withFirmPolicy((endpointUrl) => ({ endpointUrl, firmName: 'Harbour & Vale LLP' }), async (browser, first) => {
      const page = await openOptions(browser);
      await signInWithTokenOnly(page, first.url);
      await expect(page.getByTestId('firm-policy')).toHaveCount(0);

      // IT moves the firm to another endpoint, renames it and caps the cache age: the page is not
      // reloaded. Chromium's policy-folder watcher reads the folder once it has been quiet for ~5 s.
      const changedAt = Date.now();
      writePolicy(browser.extensionId, { endpointUrl: second.url, firmName: 'Harbour Vale Marsh LLP', maxCacheAgeHours: 72 });
      await expect(page.getByTestId('sign-in-button-preview')).toHaveText('The sign-in button reads “Sign in with Harbour Vale Marsh LLP”.', { timeout: 20_000 });
      console.log(`policy change shown in the options page ${Date.now() - changedAt} ms after the file was written`);
      await expect(page.getByTestId('firm-policy')).toContainText('Maximum age of cached client data (hours)72');
      // The background followed too: the session at the old endpoint is closed (its cached data
      // deleted, as on sign-out), and signing in now goes to the new endpoint.
      await expectLocked(page, 'Firm endpoint', second.url);
      await signInWithTokenOnly(page, second.url);
    });
  } finally {
    await second.close();
  }
});
