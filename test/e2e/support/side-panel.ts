import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from './browser';

/**
 * Chrome's native side panel in a headless run. Playwright cannot click the toolbar button, but
 * `chrome.sidePanel.open` accepts any real user gesture: a trusted click on a button in one of the
 * extension's own pages (here the options page, in the same window) opens the panel exactly as
 * the toolbar button does. Playwright does not list the panel as a page, so it is read from that
 * same-origin extension page through `chrome.extension.getViews()`.
 */
export async function openSidePanel(browser: ExtensionBrowser): Promise<Page> {
  const opener = await browser.context.newPage();
  await opener.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await opener.evaluate(() => {
    const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const button = document.createElement('button');
    button.id = 'test-open-side-panel';
    button.textContent = 'Open the side panel';
    button.addEventListener('click', () => {
      void chrome.windows.getCurrent().then((w) => chrome.sidePanel.open({ windowId: w.id }));
    });
    document.body.prepend(button);
  });
  await opener.click('#test-open-side-panel');
  await opener.evaluate(installFinder);
  await opener.waitForFunction(() => (window as unknown as { sidePanelWindow(): Window | null }).sidePanelWindow() !== null);
  return opener;
}

/** What the side panel shows now: its text, and whether it offers to collapse (it should not). */
export async function readSidePanel(opener: Page): Promise<{ text: string; heading: string; collapsible: boolean }> {
  await opener.evaluate(installFinder);
  return opener.evaluate(() => {
    const panel = (window as unknown as { sidePanelWindow(): Window | null }).sidePanelWindow();
    if (!panel) throw new Error('no side panel is open');
    return {
      text: panel.document.body.innerText,
      heading: panel.document.querySelector('h1')?.textContent ?? '',
      collapsible: panel.document.querySelector('[data-collapse-button]') !== null,
    };
  });
}

function installFinder() {
  const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
  (window as unknown as { sidePanelWindow(): Window | null }).sidePanelWindow = () =>
    chrome.extension.getViews().find((v) => v.location.pathname === '/sidepanel.html') ?? null;
}

interface ChromeApi {
  windows: { getCurrent(): Promise<{ id: number }> };
  sidePanel: { open(options: { windowId: number }): Promise<void> };
  extension: { getViews(): Window[] };
}
