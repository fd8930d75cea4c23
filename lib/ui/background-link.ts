import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { type FrameRecordReport, SIDE_PANEL_PORT_PREFIX, SIDEBAR_PORT, SIDEBAR_VIEW_MESSAGE, type SidebarLaneOffer, type SidebarRequest } from '../messaging/protocol';
import { askBackground } from '../messaging/background-client';
import type { Result } from '../messaging/result';
import { SidebarView } from '../messaging/sidebar-view';

export type SidebarMode = 'frame' | 'panel';

/**
 * The sidebar's line to the background: a port on which views are pushed (each validated on
 * receipt, fail closed), reopened whenever the worker was stopped, and one-off requests. A side
 * panel has no tab of its own: it sends the tab of the view it shows with each request.
 * With each port the page offers the worker a lane, a MessagePort that skips the browser process
 * (lib/background/sidebar-lanes.ts); views then come on it, numbered so that one overtaken by a
 * newer view on the other channel is dropped.
 */
export class BackgroundLink {
  private tabId: number | undefined;
  /** The number of the newest view shown since the port was opened (the worker numbers afresh). */
  private newest = 0;
  /** This page's end of its lane to the worker, once offered. */
  private lane: MessagePort | null = null;

  constructor(private readonly mode: SidebarMode, private readonly onView: (view: SidebarView) => void, private readonly onInvalid: (message: string) => void) {}

  async open(): Promise<void> {
    const name = this.mode === 'frame' ? SIDEBAR_PORT : `${SIDE_PANEL_PORT_PREFIX}${(await browser.windows.getCurrent()).id}`;
    const port = browser.runtime.connect({ name });
    this.newest = 0;
    port.onMessage.addListener((message: unknown) => this.receive(message, 'port'));
    const lane = this.offerLane(port);
    this.lane = lane;
    // The worker was stopped: reconnecting wakes it and it pushes the current view again.
    port.onDisconnect.addListener(() => {
      lane?.close();
      if (this.lane === lane) this.lane = null;
      setTimeout(() => void this.open(), 50);
    });
  }

  /** Offers the worker a MessagePort for views, paired with the port by a nonce sent on both. */
  private offerLane(port: { postMessage(message: unknown): void }): MessagePort | null {
    let container: ServiceWorkerContainer | undefined;
    try {
      container = globalThis.navigator?.serviceWorker; // a getter that may throw where storage is denied
    } catch {
      return null;
    }
    // Firefox's background is a page: its `ready` never comes, and the port alone carries the views.
    if (!container || typeof MessageChannel === 'undefined') return null;
    const nonce = crypto.randomUUID();
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => this.receive(event.data, 'lane');
    const offer = { type: 'sb.lane', nonce } satisfies SidebarLaneOffer;
    port.postMessage(offer);
    void container.ready.then((registration) => registration.active?.postMessage(offer, [channel.port2])).catch(() => undefined);
    return channel.port1;
  }

  /**
   * A record report from the content script, passed on to the worker on the lane (not on the
   * port: that would wait on the browser process like the content script's own message). Without a
   * lane (Firefox) it is left to that message.
   */
  passOn(report: FrameRecordReport): void {
    this.lane?.postMessage(report);
  }

  /** A one-off request; views come over the port, so only a few answers carry data (`value` checks it). */
  request<S extends z.ZodType = z.ZodUnknown>(message: SidebarRequest, value?: S): Promise<Result<z.output<S>>> {
    const withTab = this.mode === 'panel' && 'tabId' in message === false && this.tabId !== undefined ? { ...message, tabId: this.tabId } : message;
    return askBackground(withTab, value);
  }

  private receive(message: unknown, via: 'port' | 'lane'): void {
    if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== SIDEBAR_VIEW_MESSAGE) return;
    // Bench builds only: with 'lens:view-received' below, the time the view's check takes here.
    if (import.meta.env.LENS_BENCH_REPORT_URL) performance.mark('lens:view-arrived');
    const { tabId, view, seq } = message as { tabId?: unknown; view?: unknown; seq?: unknown };
    if (Number.isSafeInteger(seq)) {
      if ((seq as number) <= this.newest) return; // a newer view came first, on the other channel
      this.newest = seq as number;
    }
    const parsed = SidebarView.safeParse(view);
    if (!parsed.success) return this.onInvalid(parsed.error.issues[0]?.message ?? 'invalid view');
    if (typeof tabId === 'number' && Number.isInteger(tabId)) this.tabId = tabId;
    performance.mark('lens:view-received', { detail: { via } }); // for `npm run bench` and the e2e: transport vs rendering
    this.onView(parsed.data);
  }
}
