import type { Runtime } from 'webextension-polyfill';

/** Who sent a message, as far as the background trusts it. */
export type SenderKind =
  | { kind: 'content'; tabId: number }
  | { kind: 'extension-page'; tabId: number | null };

/**
 * Classifies a message sender. Host pages cannot message the extension at all (no
 * `externally_connectable`); this refuses anything not from this extension (`sender.id`) and tells a
 * content script (runs with the page's origin, in a tab's top frame) from an extension page (runs with
 * the extension's origin: the sidebar frame, the side panel, options). The origin is set by the
 * browser, so a content script cannot pass as an extension page; the page's URL is never used to
 * decide trust.
 */
export function classifySender(
  sender: Runtime.MessageSender,
  extension: { id: string; origin: string },
): SenderKind | null {
  if (sender.id !== extension.id) return null;
  if (senderOrigin(sender) === extension.origin) {
    return { kind: 'extension-page', tabId: sender.tab?.id ?? null };
  }
  if (sender.tab?.id !== undefined && sender.frameId === 0) return { kind: 'content', tabId: sender.tab.id };
  return null;
}

function senderOrigin(sender: Runtime.MessageSender & { origin?: string }): string | undefined {
  if (sender.origin) return sender.origin;
  // Firefox has no `origin`; the extension page's own URL there is browser-set as well.
  try {
    return sender.url ? new URL(sender.url).origin : undefined;
  } catch {
    return undefined;
  }
}
