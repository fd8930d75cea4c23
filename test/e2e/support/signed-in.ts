import { test } from '@playwright/test';
import { DEMO_TOKENS } from '../../../server/demo/demo-ids';
import { type ExtensionBrowser, launchWithExtension, signIn } from './browser';
import { startEndpoint } from './endpoint';

export interface SignedIn {
  endpoint: Awaited<ReturnType<typeof startEndpoint>>;
  browser: ExtensionBrowser;
}

/**
 * For each test of the file: a fresh reference endpoint (demo firm, own SQLite file) and a fresh
 * Chromium with the extension, signed in through the options page as `token`. `prepare` runs
 * before signing in (e.g. routing more PMS hosts).
 */
export function signedInPerTest(token: string = DEMO_TOKENS.partner, prepare?: (browser: ExtensionBrowser) => Promise<void>): SignedIn {
  const session = {} as SignedIn;
  test.beforeEach(async () => {
    session.endpoint = await startEndpoint();
    session.browser = await launchWithExtension();
    await prepare?.(session.browser);
    await signIn(session.browser, session.endpoint.url, token);
  });
  test.afterEach(async () => {
    await session.browser?.context.close();
    await session.endpoint?.close();
  });
  return session;
}
