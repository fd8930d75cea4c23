import type { FrameLocator, Locator, Page } from '@playwright/test';

/** Whether this element has the keyboard focus (inside its own frame, and that frame is focused). */
export async function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el.ownerDocument.hasFocus() && el.ownerDocument.activeElement === el).catch(() => false);
}

/** Presses Tab, as a user would, until `target` has focus; throws after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<number> {
  for (let presses = 0; presses < max; presses++) {
    if (await hasFocus(target)) return presses;
    await page.keyboard.press('Tab');
  }
  if (await hasFocus(target)) return max;
  throw new Error(`Tab never reached ${target}`);
}

export type { FrameLocator };
