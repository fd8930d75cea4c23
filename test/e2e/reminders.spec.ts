import { expect, test } from '@playwright/test';
import { DEMO_TOKENS, NORTHWIND_ACTIVE_OUTBOUND_ID } from '../../server/demo/demo-ids';
import { type ExtensionBrowser, launchWithExtension, signIn } from './support/browser';
import { readBookEntities } from './support/cache-probe';
import { startEndpoint } from './support/endpoint';

// Opt-in reminders: a secondee whose check-in is due tomorrow turns reminders on in the options
// page and gets one browser notification for it, from the synced book.

let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
let browser: ExtensionBrowser;

test.beforeEach(async () => {
  endpoint = await startEndpoint();
  browser = await launchWithExtension();
});
test.afterEach(async () => {
  await browser?.context.close();
  await endpoint?.close();
});

/** The secondment as the synced book in the worker's IndexedDB holds it (undefined until synced). */
async function cachedNextDue(id: string): Promise<string | undefined> {
  return (await readBookEntities(browser.worker))?.secondments[id]?.checkIns?.nextDue;
}

test('a check-in due tomorrow is notified once the secondee turns reminders on', async () => {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const placement = (await endpoint.store.getSecondment(NORTHWIND_ACTIVE_OUTBOUND_ID))!;
  (await endpoint.store.updateSecondment({ ...placement, checkIns: { ...placement.checkIns, nextDue: tomorrow } }));

  await signIn(browser, endpoint.url, DEMO_TOKENS.secondee);
  await expect.poll(() => cachedNextDue(NORTHWIND_ACTIVE_OUTBOUND_ID), { timeout: 30_000 }).toBe(tomorrow);
  const notifications = () => browser.worker.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }).chrome.notifications.getAll()));
  expect(await notifications()).toEqual([]); // off until the user asks

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByLabel(/Remind me when a check-in is due/).check();
  await expect.poll(notifications, { timeout: 20_000 }).toEqual([`check-in:${NORTHWIND_ACTIVE_OUTBOUND_ID}:${tomorrow}`]);
});
