import { expect, type Page, test, type Worker } from '@playwright/test';
import { decodeJwt } from 'jose';
import { NORTHWIND_ID } from '../../server/demo/demo-ids';
import { TEST_EXTENSION_ID } from '../../scripts/test-extension-key';
import { startOidcProvider, TEST_API_AUDIENCE, type TestOidcProvider, TEST_ACCOUNT } from '../support/oidc-provider';
import { type ExtensionBrowser, launchWithExtension, sidebar } from './support/browser';
import { startEndpoint } from './support/endpoint';
import { logNeedInSidebar } from './support/sidebar-actions';
import { expectSyncDone, sendFromOptions, setUserSettings } from './support/worker';

// Issue 13, "Sign-in with the firm's identity provider", in the extension: the built extension in
// Chromium signs in through identity.launchWebAuthFlow against a real OIDC provider on loopback
// (the oidc-provider library standing in for Entra ID / Okta), and the reference endpoint accepts
// the provider's access tokens (LENS_OIDC_ISSUER / LENS_OIDC_AUDIENCE) for the user with that email.

const CLIENT_ID = 'secondment-lens-e2e';
const FIRM = 'Marsh Okafor LLP';
const SIGN_IN_WITH_FIRM = `Sign in with ${FIRM}`;
/** Eleanor Marsh at the provider; the endpoint knows her (the demo partner) by this email. */
const ELEANOR = TEST_ACCOUNT;
const NORTHWIND_CONTACT = 'https://app.clio.com/nc/#/contacts/1001';
/** Short-lived access tokens: refreshed from half their life on (4 s here, a minute before expiry in real life). */
const TOKEN_TTL_SECONDS = 8;

type Tokens = { accessToken: string; refreshToken: string | null; expiresAt: number; refreshAt?: number; subject: string };
type AuthRecord = { issuer: string; clientId: string; tokens: Tokens };

let idp: TestOidcProvider;
let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
let browser: ExtensionBrowser;

test.beforeEach(async () => {
  idp = await startOidcProvider({
    clientId: CLIENT_ID,
    redirectUris: [`https://${TEST_EXTENSION_ID}.chromiumapp.org/`],
    corsOrigins: [`chrome-extension://${TEST_EXTENSION_ID}`],
    account: ELEANOR,
    accessTokenTtlSeconds: TOKEN_TTL_SECONDS,
  });
  endpoint = await startEndpoint({ oidc: { issuer: idp.issuer, audience: TEST_API_AUDIENCE } });
  browser = await launchWithExtension();
  // The test build's manifest key gives the id the provider was registered with.
  expect(browser.extensionId).toBe(TEST_EXTENSION_ID);
  // What the firm configures (by policy for a roll-out, see policy.spec.ts; here the user's own options).
  await setUserSettings(browser.worker, { endpointUrl: endpoint.url, oidcIssuer: idp.issuer, oidcClientId: CLIENT_ID, firmName: FIRM });
});

test.afterEach(async () => {
  await browser?.context.close();
  await endpoint?.close();
  await idp?.close();
});

/** The firm sign-in's tokens, read where the background keeps them (its own IndexedDB database). */
function readAuthRecord(worker: Worker): Promise<AuthRecord | null> {
  return worker.evaluate(() => new Promise<AuthRecord | null>((resolve, reject) => {
    const open = indexedDB.open('secondment-lens-auth');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('tokens')) return (db.close(), resolve(null));
      const get = db.transaction('tokens').objectStore('tokens').get('current');
      get.onsuccess = () => (db.close(), resolve((get.result as AuthRecord | undefined) ?? null));
      get.onerror = () => reject(get.error);
    };
  }));
}

/** Changes the stored tokens, as time or a broken token would (test set-up only). */
function patchAuthTokens(worker: Worker, patch: Partial<Tokens>): Promise<void> {
  return worker.evaluate((change) => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('secondment-lens-auth');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('tokens', 'readwrite');
      const store = tx.objectStore('tokens');
      const get = store.get('current');
      get.onsuccess = () => store.put({ ...get.result, tokens: { ...get.result.tokens, ...change } }, 'current');
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  }), patch);
}

/** Names of the IndexedDB databases of the extension's origin. */
function databases(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
}

async function openNorthwind(): Promise<{ page: Page; lens: ReturnType<typeof sidebar> }> {
  const page = await browser.context.newPage();
  await page.goto(NORTHWIND_CONTACT);
  return { page, lens: sidebar(page) };
}

async function signInFromSidebar(lens: ReturnType<typeof sidebar>) {
  await lens.getByRole('button', { name: SIGN_IN_WITH_FIRM }).click();
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible({ timeout: 20_000 });
}

/** Two endpoint calls at the very same moment from an extension page (as two sidebars would). */
async function twoSearchesAtOnce(): Promise<Array<{ ok: boolean }>> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const answers = await page.evaluate(() => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(x: object): Promise<{ ok: boolean }> } } }).chrome;
    return Promise.all([api.runtime.sendMessage({ type: 'ui.searchClients', query: 'North' }), api.runtime.sendMessage({ type: 'ui.searchClients', query: 'Harbor' })]);
  });
  await page.close();
  return answers;
}

test('signs in from the sidebar with the firm’s identity provider; tokens stay in the background; an expiring token is refreshed silently, once for two callers at once, and once after a 401', async () => {
  const { lens } = await openNorthwind();
  await expect(lens.getByRole('heading', { level: 1, name: 'Sign in needed' })).toBeVisible();
  await signInFromSidebar(lens);

  // Code flow with PKCE S256, state and nonce, back to the extension's own redirect URI.
  const asked = idp.lastAuthorizationRequest()!;
  expect(asked.get('code_challenge_method')).toBe('S256');
  expect(asked.get('state')).toBeTruthy();
  expect(asked.get('nonce')).toBeTruthy();
  expect(asked.get('redirect_uri')).toBe(`https://${TEST_EXTENSION_ID}.chromiumapp.org/`);

  // The tokens: in the background's own database, nowhere else (not storage.local, not the session store).
  const record = (await readAuthRecord(browser.worker))!;
  expect(record).toMatchObject({ issuer: idp.issuer, clientId: CLIENT_ID, tokens: { subject: ELEANOR.sub } });
  expect(decodeJwt(record.tokens.accessToken)).toMatchObject({ iss: idp.issuer, aud: TEST_API_AUDIENCE, email: ELEANOR.email });
  const local = JSON.stringify(await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<unknown> } } } }).chrome.storage.local.get(null)));
  expect(local).not.toContain(record.tokens.accessToken);
  expect(local).not.toContain(record.tokens.refreshToken!);

  // Access token expiry: once past its refresh time, the next calls renew it silently. Two calls at
  // the same moment (the provider answering slowly, so they overlap) make one refresh request.
  await expect.poll(async () => Date.now() > ((await readAuthRecord(browser.worker))!.tokens.refreshAt ?? 0), { timeout: 15_000 }).toBe(true);
  idp.setTokenDelay(400);
  const before = idp.refreshCount();
  const answers = await twoSearchesAtOnce();
  expect(answers.map((a) => a.ok)).toEqual([true, true]);
  expect(idp.refreshCount() - before).toBe(1);
  const renewed = (await readAuthRecord(browser.worker))!.tokens;
  expect(renewed.accessToken).not.toBe(record.tokens.accessToken);
  expect(renewed.refreshToken).not.toBe(record.tokens.refreshToken); // rotated, and the new one kept
  idp.setTokenDelay(0);

  // The endpoint refuses a token that still looks valid (here: a broken one): one refresh, then the
  // same call again succeeds; nobody is sent to the login page.
  await patchAuthTokens(browser.worker, { accessToken: 'eyJhbGciOiJSUzI1NiJ9.e30.broken', refreshAt: Date.now() + 60_000, expiresAt: Date.now() + 120_000 });
  const beforeRetry = idp.refreshCount();
  const pagesBefore = browser.context.pages().length;
  expect((await twoSearchesAtOnce()).map((a) => a.ok)).toEqual([true, true]);
  expect(idp.refreshCount() - beforeRetry).toBe(1);
  expect(browser.context.pages().length).toBe(pagesBefore);
});

test('a refused refresh ends the session: “Sign in with <firm>” in the sidebar, and a write made meanwhile is kept and delivered once after signing in again', async () => {
  const { lens } = await openNorthwind();
  await signInFromSidebar(lens);
  const needsBefore = await endpoint.store.countNeeds(NORTHWIND_ID);
  // The first sync after sign-in is over: a page request of its own would otherwise meet the
  // refused refresh before the lawyer's write does, and end the session first (a full run once saw
  // "Sign in needed" replace the form before "Log a need" was pressed).
  await expectSyncDone(browser);

  // The lawyer fills in a need. Meanwhile firm IT ends the session at the provider, and the access
  // token comes to its end just before "Log need" is pressed (any request of the worker's own in
  // between, a revalidation after the sync, say, would find the session ended and take the form
  // away: a full run once timed out waiting for "Log a need" when the tokens ended before the form
  // was opened).
  // The need is committed to the outbox; sending it finds the session ended.
  const title = 'Data protection support for the Rotterdam depot';
  await logNeedInSidebar(lens, title, 'Employment', async () => {
    const { tokens } = (await readAuthRecord(browser.worker))!;
    await idp.revokeRefreshToken(tokens.refreshToken!);
    await patchAuthTokens(browser.worker, { refreshAt: 0, expiresAt: Date.now() - 1_000 });
  });
  await expect(lens.getByRole('heading', { level: 1, name: 'Sign in needed' })).toBeVisible();
  await expect(lens.getByText('Your sign-in has expired or was refused.')).toBeVisible();
  const signInAgain = lens.getByRole('button', { name: SIGN_IN_WITH_FIRM });
  await expect(signInAgain).toBeVisible();
  expect(await endpoint.store.countNeeds(NORTHWIND_ID)).toBe(needsBefore);
  expect(await readAuthRecord(browser.worker)).toBeNull(); // tokens that cannot work are forgotten

  // Signing in again, as the same user: the held write goes out, exactly once.
  await signInAgain.click();
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible({ timeout: 20_000 });
  const copiesAtEndpoint = async () => (await endpoint.store.listNeeds(NORTHWIND_ID)).filter((n) => n.title === title).length;
  await expect.poll(copiesAtEndpoint, { timeout: 15_000 }).toBe(1);
  // Another round of sending and syncing finds nothing left to send: still one.
  await sendFromOptions(browser, { type: 'options.syncNow' });
  expect(await copiesAtEndpoint()).toBe(1);
  expect(await endpoint.store.countNeeds(NORTHWIND_ID)).toBe(needsBefore + 1);
});

test('signs in from the options page; sign-out revokes the refresh token at the provider and deletes the user’s cached data', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByRole('button', { name: SIGN_IN_WITH_FIRM }).click();
  await expect(page.getByTestId('signed-in')).toContainText('Signed in as Eleanor Marsh');
  await expect(page.getByTestId('cache-status')).toContainText(/[1-9]\d* clients cached/, { timeout: 20_000 });
  const partitions = (await databases(browser.worker)).filter((name) => name.startsWith('lens-'));
  expect(partitions).toHaveLength(1);
  const { tokens } = (await readAuthRecord(browser.worker))!;

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: SIGN_IN_WITH_FIRM })).toBeVisible();
  await expect.poll(() => idp.revocationCount()).toBe(1);
  expect(await idp.provider.RefreshToken.find(tokens.refreshToken!)).toBeUndefined(); // dead at the provider
  expect(await readAuthRecord(browser.worker)).toBeNull();
  expect((await databases(browser.worker)).filter((name) => name.startsWith('lens-'))).toEqual([]);
});
