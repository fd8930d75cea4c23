import type { Worker } from '@playwright/test';

/** Writes the user's settings (as the options page would) straight into the worker's storage. */
export async function setUserSettings(worker: Worker, settings: Record<string, unknown>): Promise<void> {
  await worker.evaluate(async (value) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
    await api.storage.local.set({ 'lens.settings': value });
  }, settings);
}
