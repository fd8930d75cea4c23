import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { SIDE_PANEL_PORT_PREFIX, SIDEBAR_PORT, SIDEBAR_VIEW_MESSAGE, type SidebarRequest } from '../messaging/protocol';
import { askBackground } from '../messaging/background-client';
import type { Result } from '../messaging/result';
import { SidebarView } from '../messaging/sidebar-view';

export type SidebarMode = 'frame' | 'panel';

/**
 * The sidebar's line to the background: a port on which views are pushed (each validated on
 * receipt, fail closed), reopened whenever the worker was stopped, and one-off requests. A side
 * panel has no tab of its own: it sends the tab of the view it shows with each request.
 */
export class BackgroundLink {
  private tabId: number | undefined;

  constructor(private readonly mode: SidebarMode, private readonly onView: (view: SidebarView) => void, private readonly onInvalid: (message: string) => void) {}

  async open(): Promise<void> {
    const name = this.mode === 'frame' ? SIDEBAR_PORT : `${SIDE_PANEL_PORT_PREFIX}${(await browser.windows.getCurrent()).id}`;
    const port = browser.runtime.connect({ name });
    port.onMessage.addListener((message: unknown) => this.receive(message));
    // The worker was stopped: reconnecting wakes it and it pushes the current view again.
    port.onDisconnect.addListener(() => {
      setTimeout(() => void this.open(), 50);
    });
  }

  /** A one-off request; views come over the port, so only a few answers carry data (`value` checks it). */
  request<S extends z.ZodType = z.ZodUnknown>(message: SidebarRequest, value?: S): Promise<Result<z.output<S>>> {
    const withTab = this.mode === 'panel' && 'tabId' in message === false && this.tabId !== undefined ? { ...message, tabId: this.tabId } : message;
    return askBackground(withTab, value);
  }

  private receive(message: unknown): void {
    if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== SIDEBAR_VIEW_MESSAGE) return;
    const { tabId, view } = message as { tabId?: unknown; view?: unknown };
    const parsed = SidebarView.safeParse(view);
    if (!parsed.success) return this.onInvalid(parsed.error.issues[0]?.message ?? 'invalid view');
    if (typeof tabId === 'number' && Number.isInteger(tabId)) this.tabId = tabId;
    performance.mark('lens:view-received'); // for `npm run bench`: transport vs rendering
    this.onView(parsed.data);
  }
}
