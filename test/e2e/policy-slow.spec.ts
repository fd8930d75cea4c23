import { expect, type Page, test } from '@playwright/test';
import { launchWithExtension } from './support/browser';
import { startEndpoint } from './support/endpoint';

// Chromium answers storage.managed (the firm's policy) through its policy service, which may answer
// late; in this headless Chromium, with record tabs opening and closing from the start, it did not
// answer at all (for the rest of the session in some runs): sign-in waited on it forever, and with
// it everything that reads the settings. Now a read that takes over 1.5 s gives way to the policy
// seen last; with none seen yet (a first start), sign-in waits up to 15 s more, then says so, and
// works once the browser answers.

test('signing in while record tabs come and go never hangs: the press is answered, signed in or told the firm’s settings are late', async () => {
  test.setTimeout(90_000);
  const endpoint = await startEndpoint();
  const browser = await launchWithExtension();
  let churning = true;
  // A fresh Clio record tab every second, the previous one closed (what kept the policy unanswered).
  const churn = (async () => {
    let previous: Page | null = null;
    while (churning) {
      const page = await browser.context.newPage().catch(() => null);
      if (!page) break;
      await page.goto('https://app.clio.com/nc/#/contacts/1001').catch(() => undefined);
      await previous?.close().catch(() => undefined);
      previous = page;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    await previous?.close().catch(() => undefined);
  })();
  try {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('Firm endpoint').fill(endpoint.url);
    await options.getByLabel('API token').fill('demo-partner-token');
    const signedIn = options.getByTestId('signed-in');
    // Exactly the options page's message (lib/background/active-session.ts, POLICY_NOT_LOADED).
    const late = options.getByText('Your firm’s settings have not reached the browser yet. Try again in a moment.');
    // While the tabs churn, the press is answered, one way or the other (it was not, ever, before):
    // within sign-in's wait for a policy never seen (15 s) and the first read's 1.5 s.
    await options.getByRole('button', { name: 'Sign in' }).click();
    await expect(signedIn.or(late)).toBeVisible({ timeout: 25_000 });
    // (When the browser answers, a press signs in: the unit tests show it. This Chromium stayed
    // silent for the rest of such a session in some runs and answered at once in others, so this
    // test asks only that the press is answered.)
  } finally {
    churning = false;
    await churn;
    await browser.context.close();
    await endpoint.close();
  }
});
