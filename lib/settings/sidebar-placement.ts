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
 * The effective placement (policy over the user's choice), kept by the background in storage.local
 * under this key for the content script: it must know before it inserts the frame, and settings
 * proper (the user's and the policy's, validated with zod) are the background's to read.
 */
export const PLACEMENT_KEY = 'lens.sidebarPlacement';

/** The content script's reading of the stored value: anything but 'side-panel' keeps the frame. */
export function isSidePanelOnly(stored: unknown): boolean {
  return stored === 'side-panel';
}
