import type { CSSProperties, ReactNode } from 'react';
import { count as formatCount } from './messages';
import { VirtualList } from './VirtualList';

/**
 * A titled list of the page (candidates, secondments, relationships): heading with a count, a line
 * when it is empty, else a virtualised list whose scroller is a tab stop (its rows are not).
 */
export function ListSection({ id, title, none, label, count, rowHeight, maxHeight, renderRow }: {
  id: string; title: string; none: string; label: string; count: number; rowHeight: number; maxHeight: number;
  renderRow: (index: number, style: CSSProperties) => ReactNode;
}) {
  return (
    <section className="block" aria-labelledby={id}>
      <h2 id={id}>{title} <span className="count">{formatCount(count)}</span></h2>
      {count === 0 ? <p className="muted">{none}</p> : (
        <VirtualList count={count} rowHeight={rowHeight} maxHeight={maxHeight} label={label} focusable renderRow={renderRow} />
      )}
    </section>
  );
}
