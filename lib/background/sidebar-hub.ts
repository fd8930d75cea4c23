import type { Runtime } from 'webextension-polyfill';
import { SIDEBAR_VIEW_MESSAGE } from '../messaging/protocol';
import type { SidebarView } from '../messaging/sidebar-view';

/**
 * The open sidebars and the tab each shows: frames injected in a tab show that tab; a side panel
 * shows whichever tab is active in its window and is re-bound when that changes. Views are pushed
 * over the port, because the background learns of new data at times the sidebar cannot predict.
 */
export class SidebarHub {
  private readonly ports = new Map<Runtime.Port, { tabId: number | null; panelWindowId: number | null }>();

  /** `onView`: told of every view a tab is given, whether or not a sidebar shows it now (the toolbar badge). */
  constructor(private readonly onView: (tabId: number, view: SidebarView) => void = () => undefined) {}

  add(port: Runtime.Port, binding: { tabId: number | null; panelWindowId: number | null }): void {
    this.ports.set(port, binding);
    port.onDisconnect.addListener(() => this.ports.delete(port));
  }

  /** A side panel follows the active tab of its window. Returns whether any panel was re-bound. */
  bindPanels(windowId: number, tabId: number): boolean {
    let bound = false;
    for (const [, binding] of this.ports) {
      if (binding.panelWindowId === windowId) {
        binding.tabId = tabId;
        bound = true;
      }
    }
    return bound;
  }

  push(tabId: number, view: SidebarView): void {
    this.onView(tabId, view);
    for (const [port, binding] of this.ports) {
      if (binding.tabId !== tabId) continue;
      try {
        port.postMessage({ type: SIDEBAR_VIEW_MESSAGE, tabId, view });
      } catch {
        this.ports.delete(port); // the page went away between the check and the send
      }
    }
  }

  tabsShown(): number[] {
    return [...new Set([...this.ports.values()].map((b) => b.tabId).filter((t): t is number => t !== null))];
  }
}
