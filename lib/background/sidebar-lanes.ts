import type { Runtime } from 'webextension-polyfill';
import { SidebarLaneOffer } from '../messaging/protocol';

/** How long half of a pair waits for the other before it is dropped. */
export const LANE_PAIRING_MS = 30_000;
/** At most this many halves wait on either side; the oldest goes first. */
export const MAX_WAITING_LANES = 32;

interface Waiting<T> {
  value: T;
  at: number;
}

/**
 * Pairs a sidebar's runtime port with the MessagePort the same sidebar page sent the worker, by the
 * nonce the page put in both.
 *
 * Why a second channel: a runtime port's messages go through the browser process's main thread,
 * which is busy for ~8–10 ms with the host page's own same-document navigation exactly when a
 * record switch's view is posted (a Chromium trace of the switch). A MessagePort between the
 * worker and the sidebar page runs in the extension's process without the browser in between.
 *
 * Why it can be trusted: the runtime port's sender is vouched for by the browser (an extension page
 * in a tab, see classifySender), only pages of the extension's own origin can post to its service
 * worker, and the nonce is made by the page and never leaves the extension. The lane only ever
 * carries what the port would: views, each still validated by the page.
 */
export class SidebarLanes {
  private readonly ports = new Map<string, Waiting<Runtime.Port>>();
  private readonly lanes = new Map<string, Waiting<MessagePort>>();

  constructor(private readonly attach: (port: Runtime.Port, lane: MessagePort) => void, private readonly now: () => number = Date.now) {}

  /** The page's nonce, as it arrived on its runtime port. */
  portAsked(port: Runtime.Port, nonce: string): void {
    this.expire();
    const lane = take(this.lanes, nonce);
    if (lane) return this.attach(port, lane);
    put(this.ports, nonce, port, this.now(), () => undefined);
  }

  /** The page's MessagePort, as it arrived at the worker with the same nonce. */
  laneOffered(nonce: string, lane: MessagePort): void {
    this.expire();
    const port = take(this.ports, nonce);
    if (port) return this.attach(port, lane);
    put(this.lanes, nonce, lane, this.now(), (dropped) => dropped.close());
  }

  private expire(): void {
    const cutoff = this.now() - LANE_PAIRING_MS;
    for (const [nonce, waiting] of this.ports) if (waiting.at < cutoff) this.ports.delete(nonce);
    for (const [nonce, waiting] of this.lanes) {
      if (waiting.at >= cutoff) continue;
      this.lanes.delete(nonce);
      waiting.value.close();
    }
  }
}

/**
 * Takes the pages' offers as they reach the service worker. Only in a service worker: Firefox's
 * background is a page, whose `message` events are its window's. Call it on the worker script's
 * first run, as Chromium requires of a worker's `message` listener.
 */
export function acceptLaneOffers(scope: EventTarget, extensionOrigin: string, lanes: SidebarLanes): void {
  const WorkerScope = (globalThis as { ServiceWorkerGlobalScope?: abstract new () => EventTarget }).ServiceWorkerGlobalScope;
  if (typeof WorkerScope !== 'function' || !(scope instanceof WorkerScope)) return;
  scope.addEventListener('message', (event) => acceptLaneOffer(event as MessageEvent, extensionOrigin, lanes));
}

/** One message to the worker: a lane offer from one of the extension's own pages, or nothing. */
export function acceptLaneOffer(event: Pick<MessageEvent, 'data' | 'ports' | 'source'>, extensionOrigin: string, lanes: SidebarLanes): void {
  const lane = event.ports[0];
  const offer = SidebarLaneOffer.safeParse(event.data);
  // Only the extension's own pages can post to its worker; the source's URL (a Client's) says so again.
  const source = event.source as { url?: unknown } | null;
  const fromOwnPage = typeof source?.url === 'string' && source.url.startsWith(`${extensionOrigin}/`);
  if (!lane || !offer.success || !fromOwnPage) return lane?.close();
  lanes.laneOffered(offer.data.nonce, lane);
}

function take<T>(waiting: Map<string, Waiting<T>>, nonce: string): T | undefined {
  const found = waiting.get(nonce);
  waiting.delete(nonce);
  return found?.value;
}

function put<T>(waiting: Map<string, Waiting<T>>, nonce: string, value: T, at: number, drop: (value: T) => void): void {
  const previous = waiting.get(nonce);
  if (previous) drop(previous.value); // a nonce is used once: a second offer replaces the first
  waiting.delete(nonce);
  waiting.set(nonce, { value, at });
  // Maps keep insertion order: the first key is the oldest.
  while (waiting.size > MAX_WAITING_LANES) {
    const [oldest, entry] = waiting.entries().next().value as [string, Waiting<T>];
    waiting.delete(oldest);
    drop(entry.value);
  }
}
