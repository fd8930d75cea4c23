import { browser } from 'wxt/browser';

/** The user's own choice (not firm policy): reminders are opt-in, off until they turn them on. */
export const REMINDERS_KEY = 'lens.reminders';

export async function remindersEnabled(): Promise<boolean> {
  const stored = (await browser.storage.local.get(REMINDERS_KEY))[REMINDERS_KEY];
  return stored === true;
}

export async function setRemindersEnabled(enabled: boolean): Promise<void> {
  await browser.storage.local.set({ [REMINDERS_KEY]: enabled });
}
