import { type CSSProperties, type ReactNode, useLayoutEffect, useRef, useState } from 'react';

export interface VirtualListProps {
  count: number;
  /** Every row has this height (px): what makes windowing a subtraction instead of a measurement. */
  rowHeight: number;
  /** The list scrolls inside this height (px); a shorter list takes only what it needs. */
  maxHeight: number;
  renderRow: (index: number, style: CSSProperties) => ReactNode;
  /** Names the list (`role="list"`). */
  label: string;
  /** A row rendered even when scrolled out of view: the focused one, so focus is never lost. */
  pinned?: number | null;
  /** Scrolls this row into view whenever it changes (keyboard moves). */
  scrollTo?: number | null;
  /** The scroller is a tab stop of its own, for lists whose rows are not (so they can be scrolled by keyboard). */
  focusable?: boolean;
  className?: string;
  /** Rows drawn beyond the visible ones on each side, so fast scrolling shows no gaps. */
  overscan?: number;
}

/**
 * A list that renders only the rows in view (plus a few): 50,000 needs cost the same as 20. Rows
 * are absolutely placed in a spacer of the full height, so the scrollbar is true to the list.
 * Written here rather than taken from a library: fixed-height rows need ~60 lines, and the
 * libraries that do more (react-window 2, @tanstack/react-virtual) would add a dependency for
 * measuring that this page does not need.
 */
export function VirtualList({ count, rowHeight, maxHeight, renderRow, label, pinned = null, scrollTo = null, focusable = false, className, overscan = 4 }: VirtualListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  // The scroller's position as last seen: reading `scrollTop` back after a render forces a layout of
  // the page (it was most of a filter change's time with five columns), so it is tracked instead.
  const position = useRef(0);
  const height = Math.min(maxHeight, count * rowHeight);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || scrollTo === null || scrollTo < 0 || scrollTo >= count) return;
    const top = scrollTo * rowHeight;
    const seen = Math.min(position.current, Math.max(0, count * rowHeight - height));
    const next = top < seen ? top : top + rowHeight > seen + height ? top + rowHeight - height : seen;
    if (next !== seen) el.scrollTop = next; // only when the row is out of view (a keyboard move)
    if (next !== position.current) setScrollTop((position.current = next));
  }, [scrollTo, count, rowHeight, height]);

  // A shorter list (a filter applied) may leave the old scroll position past its end.
  const top = Math.min(scrollTop, Math.max(0, count * rowHeight - height));
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((top + height) / rowHeight) + overscan);
  const indexes: number[] = [];
  if (pinned !== null && pinned >= 0 && pinned < first) indexes.push(pinned);
  for (let i = first; i <= last; i++) indexes.push(i);
  if (pinned !== null && pinned > last && pinned < count) indexes.push(pinned);

  return (
    <div ref={scroller} className={`virtual-scroller ${className ?? ''}`} style={{ height, overflowY: 'auto' }}
      tabIndex={focusable ? 0 : undefined} onScroll={(e) => setScrollTop((position.current = e.currentTarget.scrollTop))}>
      <div role="list" aria-label={label} style={{ height: count * rowHeight, position: 'relative' }}>
        {indexes.map((i) => renderRow(i, { position: 'absolute', top: i * rowHeight, left: 0, right: 0, height: rowHeight }))}
      </div>
    </div>
  );
}
