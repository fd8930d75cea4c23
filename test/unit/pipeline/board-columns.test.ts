import { describe, expect, it } from 'vitest';
import { boardColumns } from '@/lib/pipeline/board-columns';
import { toNeedRow } from '@/lib/pipeline/need-row';
import { daysAgo, need, NOW } from './fixtures';

const row = (status: 'new' | 'qualified' | 'won', days: number, id: string) => toNeedRow(need({ id, status, identifiedAt: daysAgo(days) }), undefined, NOW);

describe('the board’s columns', () => {
  it('are the five statuses in pipeline order, each keeping the order it was given', () => {
    const cols = boardColumns([row('won', 1, 'w1'), row('new', 2, 'n1'), row('won', 3, 'w2'), row('new', 4, 'n2')]);
    expect(cols.map((c) => c.status)).toEqual(['new', 'qualified', 'pursuing', 'won', 'declined']);
    expect(cols[0]!.needs.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(cols[3]!.needs.map((n) => n.id)).toEqual(['w1', 'w2']);
  });
  it('count and age each column: median (lower middle) and oldest days in the status', () => {
    const cols = boardColumns([row('new', 1, 'a'), row('new', 9, 'b'), row('new', 3, 'c'), row('new', 40, 'd'), row('qualified', 7, 'e')]);
    expect(cols[0]).toMatchObject({ medianDays: 3, oldestDays: 40 });
    expect(cols[0]!.needs).toHaveLength(4);
    expect(cols[1]).toMatchObject({ medianDays: 7, oldestDays: 7 });
  });
  it('say "none" for an empty column rather than 0 days', () => {
    expect(boardColumns([])[2]).toMatchObject({ needs: [], medianDays: null, oldestDays: null });
  });
});
