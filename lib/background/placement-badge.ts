import { browser } from 'wxt/browser';
import type { SidebarView } from '../messaging/sidebar-view';

/** The toolbar button's per-tab calls (Chrome's `action`, Firefox's MV2 `browserAction`). */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

export const CLIENT_BADGE = '●';
export const CLIENT_TITLE = 'Secondment Lens: this record is a client of the firm. Open the side panel to see it.';
const PLAIN_TITLE = 'Secondment Lens';

/**
 * With the side panel as the placement the page shows nothing of the extension, so the toolbar
 * button says when a tab's record is a client of the firm (a dot, and its tooltip); nothing of the
 * client itself is on it. With the frame as the placement the button stays plain. Views are
 * remembered per tab whatever the placement, so a placement learnt after them (a worker start)
 * still marks the right tabs.
 */
export class PlacementBadge {
  private sidePanelOnly = false;
  private readonly clientShown = new Map<number, boolean>();

  constructor(private readonly action: BadgeApi | undefined = defaultAction()) {}

  setPlacement(sidePanelOnly: boolean): void {
    if (sidePanelOnly === this.sidePanelOnly) return;
    this.sidePanelOnly = sidePanelOnly;
    for (const [tabId, client] of this.clientShown) if (client) this.draw(tabId, sidePanelOnly);
  }

  /**
   * Each view a tab's sidebar is given (SidebarHub.push). Drawn every time: the browser clears a
   * tab's own badge when the tab loads another page.
   */
  viewFor(tabId: number, view: SidebarView): void {
    const client = view.status === 'ready';
    this.clientShown.set(tabId, client);
    if (this.sidePanelOnly) this.draw(tabId, client);
  }

  forget(tabId: number): void {
    this.clientShown.delete(tabId);
  }

  private draw(tabId: number, client: boolean): void {
    // A tab closed meanwhile refuses: nothing to draw on.
    void this.action?.setBadgeText({ tabId, text: client ? CLIENT_BADGE : '' }).catch(() => undefined);
    void this.action?.setTitle({ tabId, title: client ? CLIENT_TITLE : PLAIN_TITLE }).catch(() => undefined);
  }
}

function defaultAction(): BadgeApi | undefined {
  const api = browser as unknown as { action?: BadgeApi; browserAction?: BadgeApi };
  return api.action ?? api.browserAction;
}
