import type { NeedStatus } from '../contract/need';
import { BOARD_STATUSES } from './book';
import type { NeedRow } from './need-row';

/** One column of the board: its needs (in the filtered order), how many, and how long they have waited. */
export interface BoardColumn {
  status: NeedStatus;
  needs: NeedRow[];
  /** Median whole days the column's needs have been in this status; null when empty. */
  medianDays: number | null;
  /** The longest any of them has been in this status; null when empty. */
  oldestDays: number | null;
}

/** Splits needs into the five status columns, keeping their order; ages in one pass per column. */
export function boardColumns(rows: readonly NeedRow[]): BoardColumn[] {
  const by = new Map<NeedStatus, NeedRow[]>(BOARD_STATUSES.map((s) => [s, []]));
  for (const row of rows) by.get(row.status)?.push(row);
  return BOARD_STATUSES.map((status) => {
    const needs = by.get(status)!;
    const { median, max } = medianAndMax(needs);
    return { status, needs, medianDays: median, oldestDays: max };
  });
}

/** Median (lower middle) and maximum of whole days, by counting: linear, no sort of 50,000 numbers. */
function medianAndMax(needs: NeedRow[]): { median: number | null; max: number | null } {
  if (needs.length === 0) return { median: null, max: null };
  let max = 0;
  for (const n of needs) if (n.daysInStatus > max) max = n.daysInStatus;
  const counts = new Uint32Array(max + 1);
  for (const n of needs) counts[n.daysInStatus]!++;
  const middle = Math.floor((needs.length - 1) / 2);
  let seen = 0;
  for (let day = 0; day <= max; day++) {
    seen += counts[day]!;
    if (seen > middle) return { median: day, max };
  }
  return { median: max, max };
}
