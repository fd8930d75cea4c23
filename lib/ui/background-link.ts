import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { SIDEBAR_PORT, type SidebarRequest } from '../messaging/protocol';
import type { Result } from '../messaging/result';
import { SidebarView } from '../messaging/sidebar-view';

/**
 * The sidebar's line to the background: a port on which views are pushed (each validated on
 * receipt, fail closed), reopened whenever the worker was stopped, and one-off requests.
 */
export function connectToBackground(onView: (view: SidebarView) => void, onInvalid: (message: string) => void): () => void {
  let port: Runtime.Port | null = null;
  let closed = false;
  const open = () => {
    port = browser.runtime.connect({ name: SIDEBAR_PORT });
    port.onMessage.addListener((message: unknown) => {
      const type = (message as { type?: unknown } | null)?.type;
      if (type !== 'bg.view') return;
      const parsed = SidebarView.safeParse((message as { view?: unknown }).view);
      if (parsed.success) onView(parsed.data);
      else onInvalid(parsed.error.issues[0]?.message ?? 'invalid view');
    });
    // The worker was stopped: reconnecting wakes it and it pushes the current view again.
    port.onDisconnect.addListener(() => {
      if (!closed) setTimeout(open, 50);
    });
  };
  open();
  return () => {
    closed = true;
    port?.disconnect();
  };
}

export async function request<T = unknown>(message: SidebarRequest): Promise<Result<T>> {
  try {
    return (await browser.runtime.sendMessage(message)) as Result<T>;
  } catch (error) {
    return { ok: false, error: { code: 'unreachable', message: `Secondment Lens could not reach its background: ${String(error)}` } };
  }
}
