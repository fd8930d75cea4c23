import { ImportFileError, type Table } from './table';

const isBlank = (cell: string | undefined): boolean => cell === undefined || cell.trim() === '';
const filled = (row: readonly string[]): number => row.reduce((n, cell) => (isBlank(cell) ? n : n + 1), 0);

/** Spreadsheet whitespace (line breaks inside header cells, doubled spaces) folded to one space. */
const tidy = (cell: string | undefined): string => (cell ?? '').replace(/\s+/g, ' ').trim();

/**
 * A column group: a header cell merged across the columns to its right (Excel keeps the text in
 * the first cell of a merged range and leaves the others empty), e.g. "Planned" over "Start" and
 * "End" on the row below.
 */
type Span = { label: string; from: number; to: number };

function spansOf(header: readonly string[], width: number): Span[] {
  const spans: Span[] = [];
  for (let c = 0; c < width; c++) {
    if (isBlank(header[c])) {
      const last = spans.at(-1);
      if (last) last.to = c;
      continue;
    }
    spans.push({ label: tidy(header[c]), from: c, to: c });
  }
  return spans;
}

/**
 * The row below the header is a row of sub-headers when it names every column under each group
 * and nothing under a single-column header (which Excel users merge down over both rows). A data
 * row never fits: it would have to leave every ungrouped column, the secondee's name included,
 * empty.
 */
function isSubHeaderRow(spans: Span[], below: readonly string[] | undefined): boolean {
  if (below === undefined || !spans.some((s) => s.to > s.from)) return false;
  return spans.every((s) => {
    const cells = below.slice(s.from, s.to + 1);
    return s.to === s.from ? isBlank(cells[0]) : cells.length === s.to - s.from + 1 && cells.every((c) => !isBlank(c));
  });
}

/**
 * A table from raw rows (index i = spreadsheet row i + 1). The header is the first row with at
 * least two filled cells, so blank rows and a title row above it ("Secondment programme 2026",
 * often merged across the sheet) are passed over. A two-row header of column groups is read as
 * one: "Planned" over "Start" | "End" gives "Planned Start" and "Planned End". Columns under a
 * merged header with no sub-header get an empty name and are ignored. Blank rows (nothing in any
 * named column) are skipped.
 */
export function tableFromRecords(records: string[][], source: Table['source']): Table {
  const headerIndex = records.findIndex((row) => filled(row) >= 2);
  if (headerIndex === -1) {
    throw new ImportFileError('No header row found: the file is empty or has fewer than two columns.');
  }
  const header = records[headerIndex]!;
  const below = records[headerIndex + 1];
  const width = Math.max(header.length, below?.length ?? 0);
  const spans = spansOf(header, width);
  const twoRows = isSubHeaderRow(spans, below);
  const headers: string[] = [];
  for (const span of spans) {
    for (let c = span.from; c <= span.to; c++) {
      if (twoRows && span.to > span.from) headers[c] = `${span.label} ${tidy(below![c])}`;
      else headers[c] = c === span.from ? span.label : '';
    }
  }
  // Columns left of the first header cell have no name.
  for (let c = 0; c < headers.length; c++) headers[c] ??= '';
  const rows: Table['rows'] = [];
  for (let r = headerIndex + (twoRows ? 2 : 1); r < records.length; r++) {
    const record = records[r]!;
    const cells = headers.map((_, c) => record[c] ?? '');
    // Blank: nothing in any named column (a note out to the side of the table is not a row).
    if (cells.every((cell, c) => headers[c] === '' || isBlank(cell))) continue;
    rows.push({ rowNumber: r + 1, cells });
  }
  return { headers, rows, source };
}
