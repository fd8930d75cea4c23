import type { RecordRef } from '../adapters';

/**
 * The content script's own line to the sidebar frame: a MessagePort handed to the frame's document
 * each time it loads, carrying the record reports the script also sends the worker. The frame
 * passes them on by its lane to the worker, renderer to renderer, while a runtime message waits on
 * the browser process (lib/background/record-reports.ts says why both, and how the worker knows
 * the nonce is this script's). The host page sees neither the port nor the nonce: both are made in
 * the content script's isolated world and posted to the extension's origin only.
 */
export class FrameLane {
  /** Sent with every report to the worker, and to the frame with the port. */
  readonly nonce = randomNonce();
  private port: MessagePort | null = null;

  constructor(private readonly extensionOrigin: string) {}

  /** The frame's document has loaded (again): it gets a port of its own. */
  handTo(frameWindow: Window | null): void {
    this.port?.close();
    this.port = null;
    if (!frameWindow) return;
    const channel = new MessageChannel();
    frameWindow.postMessage({ type: 'cs.lane', nonce: this.nonce }, this.extensionOrigin, [channel.port2]);
    this.port = channel.port1;
  }

  send(n: number, ref: RecordRef | null): void {
    this.port?.postMessage({ type: 'cs.record', n, ref });
  }
}

/** 32 hex digits; crypto.randomUUID() exists only in secure contexts, and some CRMs are on http. */
function randomNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint32Array(4)), (word) => word.toString(16).padStart(8, '0')).join('');
}

/**
 * The origin of the extension's own documents, to post the port to. With `use_dynamic_url`,
 * Chromium's getURL() in a content script gives the session's alias of the extension's URL
 * (chrome-extension://<random>/), but a document loaded through it has the extension's origin
 * proper, chrome-extension://<id>, and a message posted to the alias reaches nobody. Firefox's
 * getURL() gives the origin its documents have.
 */
export function extensionDocumentOrigin(getUrl: string, extensionId: string): string {
  // Not URL.origin: for a scheme the URL standard does not know, engines differ (Node says "null").
  const { protocol, host } = new URL(getUrl);
  return `${protocol}//${protocol === 'chrome-extension:' ? extensionId : host}`;
}
