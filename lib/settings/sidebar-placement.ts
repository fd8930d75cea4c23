/**
 * Where the sidebar shows (the `sidebarPlacement` setting): 'page', a frame beside the record inside
 * the CRM page (the default: it is there the moment the record is); 'side-panel', only the browser's
 * own side panel, with nothing inserted into the CRM's pages (no frame, no margin): for firms whose
 * IT does not want the CRM's pages touched, or lawyers who prefer the browser's panel.
 *
 * Imported by the content script: no zod here.
 */
export const SIDEBAR_PLACEMENTS = ['page', 'side-panel'] as const;
export type SidebarPlacement = (typeof SIDEBAR_PLACEMENTS)[number];

/**
 * Set on the content scripts' isolated world (out of the page's reach) by the background, to the
 * placement in force, right before it injects the content script into a page that has loaded
 * (lib/background/after-load-injection.ts): the content script reads it synchronously, so a frame
 * is never inserted and then taken out. A script registered at document_end (the frame) finds it
 * unset.
 */
export const SIDE_PANEL_FLAG = 'secondmentLensSidePanelOnly';

/** The content script's reading of the flag: only `true` itself removes the frame. */
export function isSidePanelFlagged(scope: object = globalThis): boolean {
  return (scope as Record<string, unknown>)[SIDE_PANEL_FLAG] === true;
}
