import { test } from '@playwright/test';
import { type ExtensionBrowser, launchWithExtension } from './browser';
import { startEndpoint } from './endpoint';
import { startFaultProxy } from './fault-proxy';

export interface Proxied {
  endpoint: Awaited<ReturnType<typeof startEndpoint>>;
  proxy: Awaited<ReturnType<typeof startFaultProxy>>;
  browser: ExtensionBrowser;
}

/**
 * For each test of the file: a fresh reference endpoint, the fault proxy in front of it (sign in to
 * the proxy's URL) and a fresh Chromium, not signed in; `prepare` runs once the browser is up.
 */
export function proxiedPerTest(prepare?: (browser: ExtensionBrowser) => Promise<unknown>): Proxied {
  const session = {} as Proxied;
  test.beforeEach(async () => {
    session.endpoint = await startEndpoint();
    session.proxy = await startFaultProxy(session.endpoint.url);
    session.browser = await launchWithExtension();
    await prepare?.(session.browser);
  });
  test.afterEach(async () => {
    await session.browser?.context.close();
    await session.proxy?.close();
    await session.endpoint?.close();
  });
  return session;
}
