import { tableFromRecords } from '../../../server/import/header-rows';
import type { Table } from '../../../server/import/table';

/** A table as readTable would give it for a CSV with these lines (header = row 1). */
export const csvTable = (headers: string[], ...rows: string[][]): Table => tableFromRecords([headers, ...rows], 'csv');

/** Rejected rows as `{ rowNumber: reason }`, for comparing a whole file's outcome at a glance. */
export const reasonsByRow = (result: { rejected: { rowNumber: number; reason: string }[] }): Record<number, string> =>
  Object.fromEntries(result.rejected.map((r) => [r.rowNumber, r.reason]));
