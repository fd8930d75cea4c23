import { useLayoutEffect } from 'react';
import type { SidebarView } from '../messaging/sidebar-view';

/**
 * Leaves a `lens:ready` performance mark each time a client's context is committed to the page, so
 * that `npm run bench` can measure paint times from outside (User Timing; costs nothing otherwise).
 */
export function usePaintMark(view: SidebarView | null): void {
  useLayoutEffect(() => {
    if (view?.status !== 'ready') return;
    const detail = { clientId: view.context.client.id, freshness: view.freshness.state };
    performance.mark('lens:ready', { detail });
    // Bench builds only: 'lens:ready' comes after React's commit, before the browser's own rendering
    // step (style, layout, paint). This one comes after it: the first task after the next frame's
    // animation callbacks runs once that frame's rendering step is done.
    if (import.meta.env.LENS_BENCH_REPORT_URL) requestAnimationFrame(() => setTimeout(() => performance.mark('lens:rendered', { detail }), 0));
  }, [view]);
}
