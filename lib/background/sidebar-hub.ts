import type { Runtime } from 'webextension-polyfill';
import { SIDEBAR_VIEW_MESSAGE } from '../messaging/protocol';
import type { SidebarView } from '../messaging/sidebar-view';

interface Binding {
  tabId: number | null;
  panelWindowId: number | null;
  /** The page's MessagePort, once paired (SidebarLanes): views go there instead of the port. */
  lane?: MessagePort;
}

/**
 * The open sidebars and the tab each shows: frames injected in a tab show that tab; a side panel
 * shows whichever tab is active in its window and is re-bound when that changes. Views are pushed
 * over the port, because the background learns of new data at times the sidebar cannot predict.
 * Each push is numbered, so that a page that gets views on two channels (the port until its lane
 * is paired, then the lane) can drop one that arrives after a newer one.
 */
export class SidebarHub {
  private readonly ports = new Map<Runtime.Port, Binding>();
  private sent = 0;

  /**
   * `onView`: told of every view a tab is given, whether or not a sidebar shows it now (the toolbar
   * badge). `onFrameMessage`: what an in-page frame sends on its lane (unchecked: the caller
   * validates it), with the tab the browser vouched for when the frame's port connected.
   */
  constructor(
    private readonly onView: (tabId: number, view: SidebarView) => void = () => undefined,
    private readonly onFrameMessage: (tabId: number, message: unknown) => void = () => undefined,
  ) {}

  add(port: Runtime.Port, binding: { tabId: number | null; panelWindowId: number | null }): void {
    this.ports.set(port, { ...binding });
    port.onDisconnect.addListener(() => this.remove(port));
  }

  /** The port's page sent its lane: later views go there. Closed when the port is gone. */
  attachLane(port: Runtime.Port, lane: MessagePort): void {
    const binding = this.ports.get(port);
    if (!binding) return lane.close();
    binding.lane?.close();
    binding.lane = lane;
    // A side panel's tab changes with the active tab: only a frame's lane speaks for a tab.
    const frameTab = binding.panelWindowId === null ? binding.tabId : null;
    lane.onmessage = frameTab === null ? null : (event) => this.onFrameMessage(frameTab, event.data);
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
      const message = { type: SIDEBAR_VIEW_MESSAGE, tabId, view, seq: ++this.sent };
      try {
        if (binding.lane) binding.lane.postMessage(message);
        else port.postMessage(message);
      } catch {
        this.remove(port); // the page went away between the check and the send
      }
    }
  }

  tabsShown(): number[] {
    return [...new Set([...this.ports.values()].map((b) => b.tabId).filter((t): t is number => t !== null))];
  }

  private remove(port: Runtime.Port): void {
    this.ports.get(port)?.lane?.close();
    this.ports.delete(port);
  }
}
