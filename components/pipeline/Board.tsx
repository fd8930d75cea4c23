import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { BoardColumn } from '@/lib/pipeline/board-columns';
import { messages } from './messages';
import { NeedCard } from './NeedCard';
import { VirtualList } from './VirtualList';

const m = messages.board;
export const CARD_HEIGHT = 100;
const COLUMN_HEIGHT = 540;
const PAGE = Math.floor(COLUMN_HEIGHT / CARD_HEIGHT);

interface Position { column: number; index: number }

/** Where a key moves the focus on the board, or null when the key is not the board's. Empty columns are skipped. */
export function moveOnBoard(at: Position, key: string, sizes: readonly number[]): Position | null {
  const size = sizes[at.column] ?? 0;
  const clamp = (column: number, index: number) => ({ column, index: Math.max(0, Math.min(index, (sizes[column] ?? 1) - 1)) });
  const sideways = (step: 1 | -1) => {
    for (let c = at.column + step; c >= 0 && c < sizes.length; c += step) if ((sizes[c] ?? 0) > 0) return clamp(c, at.index);
    return at;
  };
  switch (key) {
    case 'ArrowDown': return clamp(at.column, at.index + 1);
    case 'ArrowUp': return clamp(at.column, at.index - 1);
    case 'PageDown': return clamp(at.column, at.index + PAGE);
    case 'PageUp': return clamp(at.column, at.index - PAGE);
    case 'Home': return clamp(at.column, 0);
    case 'End': return clamp(at.column, size - 1);
    case 'ArrowRight': return sideways(1);
    case 'ArrowLeft': return sideways(-1);
    default: return null;
  }
}

/**
 * Needs by status, one virtualised column each. Each column is one tab stop (roving tabindex: its
 * current card), so Tab walks the columns; arrow keys move between cards (up, down) and columns
 * (left, right, keeping the row), Home/End and Page Up/Down within a column.
 */
export function Board({ columns }: { columns: BoardColumn[] }) {
  const sizes = columns.map((c) => c.needs.length);
  const [cursors, setCursors] = useState<number[]>(() => columns.map(() => 0));
  // A filter may shorten a column under its cursor: clamp, never point past the end.
  const cursorOf = (c: number) => Math.max(0, Math.min(cursors[c] ?? 0, (sizes[c] ?? 1) - 1));
  // Set by a key only (a new object each time): focus follows the keyboard, never a filter change.
  const [focusTarget, setFocusTarget] = useState<Position | null>(null);
  const board = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusTarget) board.current?.querySelector<HTMLElement>(`[data-pos="${focusTarget.column}:${focusTarget.index}"]`)?.focus();
  }, [focusTarget]);

  const place = (pos: Position) => setCursors((old) => old.map((v, c) => (c === pos.column ? pos.index : v)));
  const positionOf = (target: EventTarget) => {
    const [column, index] = ((target as Element).getAttribute?.('data-pos') ?? '').split(':').map(Number);
    return Number.isInteger(column) && Number.isInteger(index) ? { column: column!, index: index! } : null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = positionOf(event.target);
    if (!at) return;
    const next = moveOnBoard(at, event.key, sizes);
    if (!next) return;
    event.preventDefault();
    place(next);
    setFocusTarget(next);
  };

  return (
    <div className="board" ref={board} onKeyDown={onKeyDown} onFocus={(event) => {
      // A click (or a screen reader) focused a card: the keys go on from there.
      const at = positionOf(event.target);
      if (at && at.index !== cursorOf(at.column)) place(at);
    }}>
      <p id="board-hint" className="muted hint">{m.hint}</p>
      <div className="columns">
        {columns.map((col, c) => (
          <section key={col.status} className={`column status-${col.status}`} aria-labelledby={`col-${col.status}`}>
            <h3 id={`col-${col.status}`}>
              {m.status[col.status]} <span className="count">{m.count(col.needs.length)}</span>
            </h3>
            <p className="column-age muted">{m.age(col.medianDays, col.oldestDays)}</p>
            {col.needs.length === 0 ? <p className="muted empty">{m.empty}</p> : (
              <VirtualList count={col.needs.length} rowHeight={CARD_HEIGHT} maxHeight={COLUMN_HEIGHT} label={m.status[col.status]}
                pinned={cursorOf(c)} scrollTo={cursorOf(c)}
                renderRow={(i, style) => (
                  <NeedCard key={col.needs[i]!.id} need={col.needs[i]!} style={style} position={i + 1} total={col.needs.length}
                    active={cursorOf(c) === i} column={c} index={i} />
                )} />
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
