import { browser } from 'wxt/browser';
import { FRAME_SHOWN_QUERY } from '../messaging/content-guard';

/**
 * Asks the tab's content script whether the sidebar frame is shown plainly (not made see-through,
 * distorted or covered by the host page). Only `true` counts: no answer (no content script, a page
 * mid-navigation) refuses, so a write is never made from a frame the user may not have seen.
 */
export async function frameShownPlainly(tabId: number): Promise<boolean> {
  try {
    return (await browser.tabs.sendMessage(tabId, { type: FRAME_SHOWN_QUERY }, { frameId: 0 })) === true;
  } catch {
    return false;
  }
}
