import type { FrameLocator } from '@playwright/test';

/** A button the sidebar should show by now: a click that waits longer fails on its own, not on the test's time-out. */
const CLICK_TIMEOUT_MS = 10_000;

/**
 * Logs a need through the sidebar's form, as a lawyer would. `beforeSubmit` runs with the form
 * filled in, just before "Log need" is pressed (to change the world under a write the lawyer made).
 */
export async function logNeedInSidebar(lens: FrameLocator, title: string, practiceArea = 'Employment', beforeSubmit?: () => Promise<void>): Promise<void> {
  await lens.getByRole('button', { name: 'Log a need', exact: true }).click({ timeout: CLICK_TIMEOUT_MS });
  await lens.getByLabel('Need', { exact: true }).fill(title);
  await lens.getByLabel('Practice area').selectOption(practiceArea);
  await beforeSubmit?.();
  await lens.getByRole('button', { name: 'Log need' }).click({ timeout: CLICK_TIMEOUT_MS });
}
