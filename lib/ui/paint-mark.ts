import { useLayoutEffect } from 'react';
import type { SidebarView } from '../messaging/sidebar-view';

/**
 * Leaves a `lens:ready` performance mark each time a client's context is on screen, so that
 * `npm run bench` can measure paint times from outside (User Timing; costs nothing otherwise).
 */
export function usePaintMark(view: SidebarView | null): void {
  useLayoutEffect(() => {
    if (view?.status === 'ready') performance.mark('lens:ready', { detail: { clientId: view.context.client.id, freshness: view.freshness.state } });
  }, [view]);
}
