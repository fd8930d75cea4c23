import { type BrowserContext, chromium, type Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SETTINGS_KEY } from '../lib/settings/settings-schema';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const EXTENSION_DIR = path.join(ROOT, process.env.LENS_OUT_DIR ?? '.output', 'chrome-mv3');
export const CLIO_DEMO_PAGE = path.join(ROOT, 'server/demo/pages/clio-manage.html');

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

/**
 * Chromium (Debian's, or CHROMIUM_PATH) with the built extension loaded. Every host but loopback
 * fails to resolve, so nothing leaves the machine; PMS hosts are served by `routeDemoPages`.
 * Used by `npm start` and by the end-to-end tests.
 */
export async function launchWithExtension(options: { userDataDir?: string; headless?: boolean; extensionDir?: string; demoPages?: boolean } = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await contentScriptRegistered(worker);
  // `demoPages: false` for a run that opens no PMS page: once any route is set, Playwright pauses
  // every request of the context (the worker's fetches too) on its way out, ~5 ms each here.
  if (options.demoPages !== false) await routeDemoPages(context);
  return { context, worker, extensionId: new URL(worker.url()).host };
}

/** The frame placement's registration of the content script (PAGE_SCRIPT_ID, lib/background/placement-registration.ts). */
export const PAGE_SCRIPT_ID = 'lens-content';

/** The worker's dynamic content-script registrations, as the browser holds them (the manifest declares none). */
export function registeredContentScripts(worker: Worker): Promise<{ id: string; matches?: string[]; runAt?: string }[]> {
  return worker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { scripting: {
      getRegisteredContentScripts(): Promise<{ id: string; matches?: string[]; runAt?: string }[]>;
    } } }).chrome;
    return (await chrome.scripting.getRegisteredContentScripts()).map(({ id, matches, runAt }) => ({ id, matches, runAt }));
  });
}

/**
 * Waits for the worker's first start to register the content script (lib/background/
 * placement-registration.ts): the manifest declares none, so a CRM page opened before would get
 * it only once loaded, as pages open at install do. Not in a profile whose user chose the side
 * panel (npm start's, kept between runs): nothing is registered then.
 */
async function contentScriptRegistered(worker: Worker): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const registered = (await registeredContentScripts(worker)).map((s) => s.id);
    const sidePanel = await worker.evaluate(async (settingsKey) => {
      const chrome = (globalThis as unknown as { chrome: {
        storage: { local: { get(key: string): Promise<Record<string, { sidebarPlacement?: unknown } | undefined>> } };
      } }).chrome;
      return (await chrome.storage.local.get(settingsKey))[settingsKey]?.sidebarPlacement === 'side-panel';
    }, SETTINGS_KEY);
    if (registered.includes(PAGE_SCRIPT_ID) || sidePanel) return;
    if (Date.now() > deadline) throw new Error(`The extension registered no content script within 15 s (registered: ${registered.join(', ') || 'none'}).`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Serves the demo Clio Manage page at the real Clio hosts; the request never leaves the machine. */
export async function routeDemoPages(context: BrowserContext): Promise<void> {
  const body = readFileSync(CLIO_DEMO_PAGE, 'utf8');
  for (const host of ['app.clio.com', 'eu.app.clio.com']) {
    await context.route(`https://${host}/**`, (route) => route.fulfill({ contentType: 'text/html', body }));
  }
}

/**
 * Signs in through the options page, as a user would. `ifNeeded`: a profile already signed in to
 * this endpoint (npm start's persistent profile) is left as it is.
 */
export async function signInThroughOptions(browser: ExtensionBrowser, endpointUrl: string, token: string, options: { ifNeeded?: boolean } = {}): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const form = page.getByLabel('API token');
  const signedIn = page.getByTestId('signed-in');
  await form.or(signedIn).first().waitFor();
  if (await signedIn.isVisible()) {
    if (options.ifNeeded && (await signedIn.textContent())?.includes(endpointUrl)) return void (await page.close());
    await page.getByRole('button', { name: 'Sign out' }).click(); // signed in elsewhere: start over
  }
  await page.getByLabel('Firm endpoint').fill(endpointUrl);
  await form.fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signedIn.waitFor();
  await page.close();
}
