import { test } from '@playwright/test';
import { type ExtensionBrowser, launchWithExtension } from './browser';
import { startEndpoint } from './endpoint';
import { startWriteFaultProxy } from './write-fault-proxy';

export interface ProxiedSession {
  endpoint: Awaited<ReturnType<typeof startEndpoint>>;
  proxy: Awaited<ReturnType<typeof startWriteFaultProxy>>;
  browser: ExtensionBrowser;
}

/**
 * For each test of the file: a fresh reference endpoint, the write-fault proxy in front of it (the
 * extension signs in to the proxy's URL) and a fresh Chromium with the extension; `prepare` runs
 * once the browser is up. Signing in is left to the test (as which user, when).
 */
export function proxiedPerTest(prepare?: (browser: ExtensionBrowser) => Promise<unknown>): ProxiedSession {
  const session = {} as ProxiedSession;
  test.beforeEach(async () => {
    session.endpoint = await startEndpoint();
    session.proxy = await startWriteFaultProxy(session.endpoint.url);
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
