import type { BrowserContext, Page } from '@playwright/test';

/**
 * Stops the extension's service worker as Chrome does when it idles, mid-request if one is in
 * flight (E2E.md: CDP ServiceWorker.stopAllWorkers; the stop is confirmed by CDP, since Playwright's
 * worker list does not notice).
 */
export async function stopServiceWorkers(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v: { runningStatus: string }) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}
