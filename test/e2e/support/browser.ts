import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CLIO_DEMO_PAGE, EXTENSION_DIR } from './paths';

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

/** Debian's Chromium with the built extension; every host but loopback fails to resolve. */
export async function launchWithExtension(userDataDir = ''): Promise<ExtensionBrowser> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await routeClio(context);
  return { context, worker, extensionId: new URL(worker.url()).host };
}

/** Serves the demo Clio Manage page at the real Clio hosts; the request never leaves the machine. */
export async function routeClio(context: BrowserContext): Promise<void> {
  const body = readFileSync(CLIO_DEMO_PAGE, 'utf8');
  for (const host of ['app.clio.com', 'eu.app.clio.com']) {
    await context.route(`https://${host}/**`, (route) => route.fulfill({ contentType: 'text/html', body }));
  }
}

/** Signs in through the options page, as a user would. */
export async function signIn(browser: ExtensionBrowser, endpointUrl: string, token: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByLabel('Firm endpoint').fill(endpointUrl);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in').waitFor();
  await page.close();
}

export function sidebar(page: Page) {
  return page.frameLocator('iframe[data-secondment-lens]');
}
