// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Board, moveOnBoard } from '@/components/pipeline/Board';
import { boardColumns } from '@/lib/pipeline/board-columns';
import { toNeedRow } from '@/lib/pipeline/need-row';
import { client, need, NOW } from './fixtures';

afterEach(cleanup);

const rows = (n: number, status: 'new' | 'won' = 'new') =>
  Array.from({ length: n }, (_, i) => toNeedRow(need({ id: `${status}-${i}`, title: `${status} need ${i}`, status }), client('c-1', 'Acme'), NOW));

describe('moving on the board', () => {
  const sizes = [3, 0, 5, 0, 1];
  it.each([
    [{ column: 0, index: 0 }, 'ArrowDown', { column: 0, index: 1 }],
    [{ column: 0, index: 2 }, 'ArrowDown', { column: 0, index: 2 }],
    [{ column: 0, index: 0 }, 'ArrowUp', { column: 0, index: 0 }],
    [{ column: 0, index: 2 }, 'ArrowRight', { column: 2, index: 2 }], // skips the empty column
    [{ column: 2, index: 4 }, 'ArrowRight', { column: 4, index: 0 }], // row clamped to the shorter column
    [{ column: 4, index: 0 }, 'ArrowRight', { column: 4, index: 0 }], // last column: stays
    [{ column: 2, index: 1 }, 'End', { column: 2, index: 4 }],
    [{ column: 2, index: 3 }, 'Home', { column: 2, index: 0 }],
  ])('from %j, %s goes to %j', (from, key, to) => expect(moveOnBoard(from, key, sizes)).toEqual(to));
  it('leaves other keys alone (Tab, letters)', () => expect(moveOnBoard({ column: 0, index: 0 }, 'Tab', sizes)).toBeNull());
});

describe('the board', () => {
  it('shows a redacted need as whom to ask, without its text', () => {
    const secret = toNeedRow(need({ title: 'Secret merger', redacted: true, confidential: true, askContact: { userId: null, name: 'Priya Shah' } }), client('c-1', 'Acme'), NOW);
    render(<Board columns={boardColumns([secret])} />);
    const card = within(screen.getByRole('list', { name: 'New' })).getByRole('listitem');
    expect(card.textContent).toContain('Confidential — ask Priya Shah');
    expect(document.body.textContent).not.toContain('Secret merger');
  });

  it('renders a window of a 50,000-card column, not every card', () => {
    render(<Board columns={boardColumns(rows(50_000))} />);
    const list = screen.getByRole('list', { name: 'New' });
    expect(within(list).getAllByRole('listitem').length).toBeLessThan(30);
    expect(screen.getByRole('heading', { name: /New 50,000 needs/ })).toBeTruthy();
  });

  it('moves focus with the arrow keys, rendering a card far down the list when End is pressed', () => {
    render(<Board columns={boardColumns([...rows(1000), ...rows(2, 'won')])} />);
    const first = screen.getByText('new need 0').closest('[role="listitem"]') as HTMLElement;
    expect(first.tabIndex).toBe(0);
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toContain('new need 1');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement?.textContent).toContain('new need 999');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement?.textContent).toContain('won need 1');
    // One tab stop per column: its current card.
    expect([...document.querySelectorAll('[role="listitem"][tabindex="0"]')].map((e) => e.getAttribute('data-pos'))).toEqual(['0:999', '3:1']);
  });
});
