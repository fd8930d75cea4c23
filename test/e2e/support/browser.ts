import type { Page } from '@playwright/test';
import { type ExtensionBrowser, launchWithExtension, PAGE_SCRIPT_ID, registeredContentScripts, signInThroughOptions } from '../../../scripts/chromium-with-extension';

export type { ExtensionBrowser };
export { launchWithExtension, PAGE_SCRIPT_ID, registeredContentScripts };
export const signIn = signInThroughOptions;

/** The sidebar frame injected beside the record. */
export function sidebar(page: Page) {
  return page.frameLocator('iframe[data-secondment-lens]');
}
