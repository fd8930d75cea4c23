import type { Runtime } from 'webextension-polyfill';
import type { SidebarView } from '../messaging/sidebar-view';

/**
 * The open sidebars (frames injected in tabs, the side panel) and the tab each shows. Views are
 * pushed over a port: the background learns of new data at times the sidebar cannot predict.
 */
export class SidebarHub {
  private readonly ports = new Map<Runtime.Port, number>();

  add(port: Runtime.Port, tabId: number, onClose: () => void): void {
    this.ports.set(port, tabId);
    port.onDisconnect.addListener(() => {
      this.ports.delete(port);
      onClose();
    });
  }

  push(tabId: number, view: SidebarView): void {
    for (const [port, shown] of this.ports) {
      if (shown !== tabId) continue;
      try {
        port.postMessage({ type: 'bg.view', view });
      } catch {
        this.ports.delete(port); // the frame went away between the check and the send
      }
    }
  }

  hasSidebar(tabId: number): boolean {
    return [...this.ports.values()].includes(tabId);
  }

  tabsShown(): number[] {
    return [...new Set(this.ports.values())];
  }
}
