/**
 * A spreadsheet as the admin imports see it (issue 10): every cell as text, and each row numbered
 * as a spreadsheet user sees it (the header is row 1 unless title rows sit above it), so that a
 * rejected row can be found in the file it came from.
 */
export type TableRow = { rowNumber: number; cells: string[] };

export type Table = {
  headers: string[];
  /** Data rows only: blank rows are dropped here, never rejected. `cells` line up with `headers`. */
  rows: TableRow[];
  /** XLSX cells can carry Excel serial dates; CSV cells cannot (a bare number there is not a date). */
  source: 'csv' | 'xlsx';
};

/**
 * A problem with the file as a whole (unreadable, no header, a required column missing, a bad
 * mapping file): the import stops before touching anything, with this message for the user.
 */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}
