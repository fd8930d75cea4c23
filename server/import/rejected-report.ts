import { rename, rm, writeFile } from 'node:fs/promises';
import type { Rejected } from './row-spec';

/** The report's path: beside the input, `<input file>.rejected.csv`. */
export const rejectedReportPath = (inputPath: string): string => `${inputPath}.rejected.csv`;

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading
 * apostrophe: the report is opened in Excel, and its cells come from files (a CRM export, say)
 * whose text anyone could have typed. OWASP "CSV injection".
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvField(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (fields: readonly string[]): string => fields.map(csvField).join(',');

/** The report's text: `row,reason,<original headers…>`, then one line per rejected row. */
export function rejectedReportCsv(rejected: readonly Rejected[], headers: readonly string[]): string {
  const lines = [csvLine(['row', 'reason', ...headers])];
  for (const r of rejected) lines.push(csvLine([String(r.rowNumber), r.reason, ...headers.map((_, i) => r.raw[i] ?? '')]));
  // A byte-order mark so that Excel reads the UTF-8 (names with accents) as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * Writes the rejected rows beside the input file, in row order, replacing the file whole (a
 * temporary file renamed over it); with nothing rejected, removes a report left by an earlier
 * run, so a report on disk always belongs to the last import of that file. Returns the report's
 * path, or null when there is none.
 */
export async function writeRejectedReport(inputPath: string, rejected: readonly Rejected[], headers: readonly string[]): Promise<string | null> {
  const path = rejectedReportPath(inputPath);
  if (rejected.length === 0) {
    await rm(path, { force: true });
    return null;
  }
  const sorted = [...rejected].sort((a, b) => a.rowNumber - b.rowNumber);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, rejectedReportCsv(sorted, headers), 'utf8');
  await rename(temporary, path);
  return path;
}
