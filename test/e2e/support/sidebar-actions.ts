import type { FrameLocator } from '@playwright/test';

/** Logs a need through the sidebar's form, as a lawyer would. */
export async function logNeedInSidebar(lens: FrameLocator, title: string, practiceArea = 'Employment'): Promise<void> {
  await lens.getByRole('button', { name: 'Log a need', exact: true }).click();
  await lens.getByLabel('Need', { exact: true }).fill(title);
  await lens.getByLabel('Practice area').selectOption(practiceArea);
  await lens.getByRole('button', { name: 'Log need' }).click();
}
