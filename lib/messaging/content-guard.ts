/**
 * What the content script accepts from the background. Hand-written instead of zod: the content
 * script runs in every CRM page and must stay tiny (zod alone is ~22 KB gzipped).
 */
export type BackgroundToContent = { type: 'bg.setCollapsed'; collapsed: boolean };
/** The effective sidebar placement changed (policy or the user): the frame goes or comes back. */
export type PlacementChange = { type: 'bg.setPlacement'; sidePanelOnly: boolean };

/** The background asks, before a write from the frame, whether the frame is shown plainly. */
export const FRAME_SHOWN_QUERY = 'bg.isFrameShownPlainly';

export function isBackgroundToContent(message: unknown): message is BackgroundToContent {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.type === 'bg.setCollapsed' && typeof m.collapsed === 'boolean' && Object.keys(m).length === 2;
}

export function isPlacementChange(message: unknown): message is PlacementChange {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.type === 'bg.setPlacement' && typeof m.sidePanelOnly === 'boolean' && Object.keys(m).length === 2;
}

export function isFrameShownQuery(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === FRAME_SHOWN_QUERY && Object.keys(message).length === 1;
}

/**
 * A page restored from the back/forward cache, as the browser says (not an event the page made:
 * those have `isTrusted` false, and would otherwise force a fresh look-up at every dispatch).
 */
export function isTrustedRestore(event: Event): boolean {
  return event.isTrusted === true && (event as PageTransitionEvent).persisted === true;
}

/**
 * WXT's `wxt:locationchange`, which WXT dispatches itself (so it is never `isTrusted`): its `newUrl`
 * is a URL object of the content script's world. A page can dispatch an event of that name too,
 * but properties it sets live in its own world and are invisible here.
 */
export function isOwnLocationChange(event: Event): event is Event & { newUrl: URL } {
  return (event as { newUrl?: unknown }).newUrl instanceof URL;
}
