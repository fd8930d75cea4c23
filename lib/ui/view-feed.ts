import type { SidebarView } from '../messaging/sidebar-view';

export interface FedView {
  view: SidebarView | null;
  /** When it arrived (the clock for "updated 2 min ago"). */
  at: number;
}

/**
 * The latest view the background pushed, held outside React so the port can be opened before
 * React's first render: after a page load the view is often there by the time React renders, and
 * React renders it straight away instead of "Opening…" first (read with useSyncExternalStore, whose
 * updates render in the same task as the port's message, with no scheduler hop).
 */
export class ViewFeed {
  private latest: FedView = { view: null, at: Date.now() };
  private readonly listeners = new Set<() => void>();

  push(view: SidebarView): void {
    this.latest = { view, at: Date.now() };
    for (const listener of this.listeners) listener();
  }

  readonly current = (): FedView => this.latest;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
