import { type BrowserContext, expect, type Worker } from '@playwright/test';

/** Writes the user's settings (as the options page would) straight into the worker's storage. */
export async function setUserSettings(worker: Worker, settings: Record<string, unknown>): Promise<void> {
  await worker.evaluate(async (value) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
    await api.storage.local.set({ 'lens.settings': value });
  }, settings);
}

/** Sends a message from the options page, exactly as its buttons and forms do; returns the answer. */
export async function sendFromOptions<T = unknown>(browser: { context: BrowserContext; extensionId: string }, message: object): Promise<T> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const answer = await page.evaluate((m) => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(x: object): Promise<unknown> } } }).chrome;
    return api.runtime.sendMessage(m);
  }, message);
  await page.close();
  return answer as T;
}

/** Waits until the book sync (the one signing in starts) is done, as the options page's status says. */
export async function expectSyncDone(browser: { context: BrowserContext; extensionId: string }): Promise<void> {
  const state = async () => (await sendFromOptions<{ value?: { sync: { state: string } | null } }>(browser, { type: 'options.status' })).value?.sync?.state;
  await expect.poll(state, { timeout: 20_000 }).toBe('done');
}
