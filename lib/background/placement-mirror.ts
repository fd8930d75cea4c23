import { browser } from 'wxt/browser';
import type { PlacementChange } from '../messaging/content-guard';
import { loadSettings } from '../settings/load-settings';
import { PLACEMENT_KEY, type SidebarPlacement } from '../settings/sidebar-placement';

/** Tells the content script of every open tab's page (top frame) the placement now in force. */
export type TellTabs = (change: PlacementChange) => Promise<void>;

/**
 * Keeps the effective `sidebarPlacement` (policy over the user's choice) where the content script
 * reads it before inserting a frame (storage.local, PLACEMENT_KEY), and tells open pages when it
 * changes: their frame goes, or comes back beside the record they show. Run at every worker start
 * (a policy may have changed while the browser was closed) and at every settings change; runs never
 * overlap, so the last settings read is the one stored.
 */
export class PlacementMirror {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly readPlacement: () => Promise<SidebarPlacement> = async () => (await loadSettings()).settings.sidebarPlacement,
    private readonly tellTabs: TellTabs = tellOpenTabs,
  ) {}

  /** Resolves with the placement in force once it is stored (and open pages told, if it changed). */
  sync(): Promise<SidebarPlacement> {
    const run = this.queue.then(async () => {
      const placement = await this.readPlacement();
      const stored: unknown = (await browser.storage.local.get(PLACEMENT_KEY))[PLACEMENT_KEY];
      if (stored === placement) return placement;
      await browser.storage.local.set({ [PLACEMENT_KEY]: placement });
      // Nothing stored yet: the pages open now have the default (page) and nothing to change.
      if (stored !== undefined || placement !== 'page') await this.tellTabs({ type: 'bg.setPlacement', sidePanelOnly: placement === 'side-panel' });
      return placement;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

async function tellOpenTabs(change: PlacementChange): Promise<void> {
  const tabs = await browser.tabs.query({});
  // A tab without the content script (another site, a browser page) refuses: nothing to tell.
  await Promise.all(tabs.map((tab) => tab.id === undefined ? undefined
    : browser.tabs.sendMessage(tab.id, change, { frameId: 0 }).catch(() => undefined)));
}
