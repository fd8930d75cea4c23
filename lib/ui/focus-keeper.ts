import { useLayoutEffect, useRef } from 'react';

/**
 * Keeps keyboard focus inside the sidebar when what it shows is replaced under the user: after a
 * pick, a link or a retry the next state's heading takes focus; after collapsing, the tab that
 * reopens it; after expanding, the collapse button. Focus is never taken from the host page: only
 * when this document had focus (the user was working in the sidebar). Returns whether it had.
 */
export function useFocusKeeper(status: string | null, collapsed: boolean): boolean {
  const previous = useRef({ status, collapsed });
  const hadFocus = typeof document !== 'undefined' && document.hasFocus();
  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = { status, collapsed };
    if (!document.hasFocus() || collapsed) return;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (before.collapsed && !collapsed) {
      (document.querySelector<HTMLElement>('[data-collapse-button]') ?? document.querySelector<HTMLElement>('h1'))?.focus();
    } else if (lost && before.status !== null && before.status !== status) {
      document.querySelector<HTMLElement>('h1')?.focus();
    }
  }, [status, collapsed]);
  return hadFocus;
}
