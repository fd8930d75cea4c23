import { DEMO_TOKENS } from '../server/demo/demo-ids';
import { launchWithExtension, signInThroughOptions } from '../scripts/chromium-with-extension';

/**
 * A fresh profile with the extension (`launch`: which build, whether demo pages are routed), signed
 * in to `endpointUrl` as the partner (which starts the full sync), and an options page left open: the
 * extension page bench code sends the extension's messages from. Closed again if signing in fails.
 */
export async function launchSignedIn(endpointUrl: string, launch: Parameters<typeof launchWithExtension>[0] = {}) {
  const browser = await launchWithExtension(launch);
  try {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await signInThroughOptions(browser, endpointUrl, DEMO_TOKENS.partner);
    return { browser, options };
  } catch (error) {
    await browser.context.close();
    throw error;
  }
}
