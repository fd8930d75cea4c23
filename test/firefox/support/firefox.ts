import { readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page, type Target } from 'puppeteer-core';
import { afterAll, beforeAll, vi } from 'vitest';
import { CLIO_DEMO_PAGE, ROOT } from '../../../scripts/chromium-with-extension';
import { startEndpoint } from '../../e2e/support/endpoint';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The Firefox build (`wxt build -b firefox`; LENS_OUT_DIR as for the Chromium build). */
export const FIREFOX_EXTENSION_DIR = path.resolve(ROOT, process.env.LENS_OUT_DIR ?? '.output', 'firefox-mv2');

/**
 * Firefox gives each add-on a random internal UUID per profile, so moz-extension:// origins are not
 * known in advance. This pref fixes it for the test profile, so the tests can tell the extension's
 * own pages (options, the sidebar frame) from the host page.
 */
const EXTENSION_UUID = '5d1f7c2e-8a3b-4c1d-9e6f-0a1b2c3d4e5f';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** The Clio Manage hosts answered with the demo page (as `routeDemoPages` does for Chromium). */
const CLIO_HOSTS = new Set(['app.clio.com', 'eu.app.clio.com']);

export interface FirefoxWithExtension {
  browser: Browser;
  /** The options tab, once signed in: an extension page, so it sees the background's IndexedDB. */
  options?: Page;
  close(): Promise<void>;
}

/**
 * Debian's Firefox ESR (or FIREFOX_PATH), headless, driven over WebDriver BiDi, with the Firefox
 * build installed as a temporary add-on. Every request that is not loopback goes to a proxy on a
 * closed loopback port, so nothing leaves the machine; PMS pages are answered by `openPmsPage`
 * before they reach it.
 */
export async function launchFirefoxWithExtension(): Promise<FirefoxWithExtension> {
  const gecko = JSON.parse(readFileSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')).browser_specific_settings.gecko;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    dumpio: process.env.LENS_FIREFOX_DEBUG === '1', // the browser's output, with the extension's console
    extraPrefsFirefox: {
      'devtools.console.stdout.chrome': true,
      'devtools.console.stdout.content': true,
      'extensions.webextensions.uuids': JSON.stringify({ [gecko.id]: EXTENSION_UUID }),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9, // discard: closed, so every proxied request fails at once
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
    },
  });
  const firefox: FirefoxWithExtension = { browser, close: () => browser.close() };
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
    await waitForBackground(firefox);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return firefox;
}

/**
 * Waits until the background page listens, as the Chromium suite waits for the service worker.
 * Firefox starts it after the add-on is installed; a content script that reports its record before
 * then gets no answer and nothing reports it again (the sidebar says "No client record on this
 * page" until the page is reloaded). Asked from a sidebar frame (an extension page) with a message
 * the background refuses: any answer or refusal means it listens.
 */
async function waitForBackground(firefox: FirefoxWithExtension): Promise<void> {
  const page = await openPmsPage(firefox, 'https://app.clio.com/nc/'); // no record: the frame is mounted, hidden
  await vi.waitFor(async () => {
    const frame = await (await page.$('iframe[data-secondment-lens]'))?.contentFrame();
    const state = await frame?.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: { runtime: { sendMessage(m: object): Promise<unknown> } } }).browser;
      if (!api) return 'no extension API yet';
      return api.runtime.sendMessage({ type: 'test.isAnyoneThere' }).then(
        () => 'listening',
        (error: unknown) => (String(error).includes('Receiving end does not exist') ? 'not started' : 'listening'),
      );
    });
    if (state !== 'listening') throw new Error(`background page: ${state}`);
  }, { timeout: 20_000, interval: 100 });
  await page.close();
}

/**
 * A new tab on a PMS page at its real URL. Puppeteer's request interception (BiDi
 * `network.addIntercept` + `provideResponse`) answers the Clio hosts with the demo page, so the page
 * has its real https origin and the content script matches it exactly as on the real host; any other
 * web request is refused.
 */
export async function openPmsPage(firefox: FirefoxWithExtension, url: string): Promise<Page> {
  const body = readFileSync(CLIO_DEMO_PAGE, 'utf8');
  const page = await firefox.browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const { host, hostname } = new URL(request.url());
    if (CLIO_HOSTS.has(host)) void request.respond({ status: 200, contentType: 'text/html', body });
    else if (hostname === '127.0.0.1' || hostname === 'localhost') void request.continue();
    else void request.abort();
  });
  await page.goto(url);
  return page;
}

/**
 * The sidebar frame beside the record, once it shows the extension's page. Puppeteer over BiDi does
 * not follow the frame from about:blank to the moz-extension:// document (its URL stays
 * about:blank), so this asks the frame itself where it is; evaluations then reach the live document.
 */
export async function sidebarFrame(page: Page): Promise<Frame> {
  return vi.waitFor(async () => {
    const element = await page.$('iframe[data-secondment-lens]');
    const frame = await element?.contentFrame();
    if (!frame) throw new Error('no sidebar frame beside the record');
    const ready = await frame.evaluate(() => `${location.origin} ${document.readyState} ${document.querySelector('main') !== null}`);
    if (ready !== `${EXTENSION_ORIGIN} complete true`) throw new Error(`sidebar frame not ready: ${ready}`);
    return frame;
  }, { timeout: 20_000, interval: 100 });
}

/**
 * An element of an extension page or frame, once it is there. Puppeteer's locators and
 * waitForSelector run in an isolated world it made for the first (about:blank) document and do not
 * see the moz-extension:// one that replaced it; `$` and evaluations reach the live document.
 */
export async function elementIn(target: Frame | Page, selector: string): Promise<ElementHandle<Element>> {
  return vi.waitFor(async () => {
    const element = await target.$(selector);
    if (!element) throw new Error(`no ${selector} in ${await target.evaluate(() => `${location.href}, which says: ${document.body.innerText.slice(0, 300)}`)}`);
    return element;
  }, { timeout: 15_000, interval: 100 });
}

/** The sidebar's visible text (what a reader sees; the frame is cross-origin to the page). */
export const sidebarText = (frame: Frame) => frame.evaluate(() => document.body.innerText);

/**
 * Signs in as a new user does: the sidebar beside the record says to sign in, its button opens the
 * options in a tab, and the form there takes the endpoint and the API token. Keeps the options tab.
 */
export async function signInFromSidebar(firefox: FirefoxWithExtension, page: Page, endpointUrl: string, token: string): Promise<void> {
  const lens = await sidebarFrame(page);
  const opened = new Promise<Target>((resolve) => firefox.browser.once('targetcreated', resolve));
  await (await elementIn(lens, 'main[data-state="signed-out"] button.primary')).click();
  const options = await (await opened).page();
  if (!options) throw new Error('the options did not open in a tab');
  await vi.waitFor(async () => {
    const here = await options.evaluate(() => location.href + (document.querySelector('#token') ? ' form' : ''));
    if (here !== `${EXTENSION_ORIGIN}/options.html form`) throw new Error(`options not ready: ${here}`);
  }, { timeout: 20_000, interval: 100 });
  await (await elementIn(options, '#endpoint')).type(endpointUrl);
  await (await elementIn(options, '#token')).type(token);
  await (await elementIn(options, 'form[aria-label="Sign in"] button[type="submit"]')).click();
  await vi.waitFor(async () => {
    const state = await options.evaluate(() => ({
      signedIn: document.querySelector('[data-testid="signed-in"]') !== null,
      endpoint: (document.querySelector('#endpoint') as HTMLInputElement | null)?.value,
      error: document.querySelector('[role="alert"]')?.textContent,
    }));
    if (!state.signedIn) throw new Error(`not signed in: ${JSON.stringify(state)}`);
  }, { timeout: 20_000, interval: 100 });
  firefox.options = options;
}

export interface FirefoxSuite {
  endpoint: Awaited<ReturnType<typeof startEndpoint>>;
  firefox: FirefoxWithExtension;
}

/**
 * One reference endpoint and one Firefox with the add-on for the test file (launched before its
 * first test, closed after its last): its fields are set once `beforeAll` has run.
 */
export function firefoxPerFile(): FirefoxSuite {
  const suite = {} as FirefoxSuite;
  beforeAll(async () => {
    suite.endpoint = await startEndpoint();
    suite.firefox = await launchFirefoxWithExtension();
  });
  afterAll(async () => {
    await suite.firefox?.close();
    await suite.endpoint?.close();
  });
  return suite;
}
