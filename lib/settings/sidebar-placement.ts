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
 * Set on the content scripts' isolated world by entrypoints/side-panel-flag.ts, which the
 * background injects right before the content script while the side panel is the placement
 * (lib/background/after-load-injection.ts): the content script reads it synchronously, so a frame
 * is never inserted and then taken out, and the default placement waits for nothing.
 */
export const SIDE_PANEL_FLAG = 'secondmentLensSidePanelOnly';

/** The content script's reading of the flag: only `true` itself removes the frame. */
export function isSidePanelFlagged(scope: object = globalThis): boolean {
  return (scope as Record<string, unknown>)[SIDE_PANEL_FLAG] === true;
}
