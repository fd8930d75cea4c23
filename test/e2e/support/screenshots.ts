import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT } from '../../../scripts/chromium-with-extension';
import { SCREENSHOTS } from './paths';
import { SIDEBAR_FRAME } from './axe';

export const README_SCREENSHOTS = path.join(ROOT, 'docs/screenshots');

/**
 * Saves the sidebar frame as test-results/screenshots/<name>.png. With `readme`, it is also copied to
 * docs/screenshots/ (where the README shows it), but only when LENS_UPDATE_SCREENSHOTS=1
 * (`npm run screenshots`): `npm test` leaves the work tree as it found it.
 */
export async function saveSidebarScreenshot(page: Page, name: string, options: { readme?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.locator(SIDEBAR_FRAME).screenshot({ path: file, animations: 'disabled' });
  if (options.readme) publishScreenshot(file, name);
  return file;
}

/** Whether this run refreshes the README's screenshots (`npm run screenshots`); `npm test` does not. */
export const UPDATE_README_SCREENSHOTS = process.env.LENS_UPDATE_SCREENSHOTS === '1';

/** Copies a screenshot taken in test-results/ to docs/screenshots/, when this run refreshes them. */
export function publishScreenshot(file: string, name: string): void {
  if (!UPDATE_README_SCREENSHOTS) return;
  mkdirSync(README_SCREENSHOTS, { recursive: true });
  copyFileSync(file, path.join(README_SCREENSHOTS, `${name}.png`));
}
