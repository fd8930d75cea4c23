import { SheetNotFoundError, readSheet } from 'read-excel-file/node';
import { ImportFileError } from './table';

/**
 * Rows of one worksheet as text; index i is spreadsheet row i + 1 (leading empty rows are kept,
 * so row numbers match what Excel shows). Numbers keep their exact stored text (`parseNumber`
 * is the identity: a 17-digit id is not rounded, `1001` is not `1001.0`); date-formatted cells
 * become `YYYY-MM-DD` (plus ` HH:MM` when they carry a time); numbers in date columns that
 * carry no date format stay serial numbers for the date parser to read.
 */
export async function readXlsxRecords(bytes: Buffer, sheet?: string): Promise<string[][]> {
  const options = { parseNumber: (text: string) => text, trim: false };
  try {
    const data = sheet === undefined ? await readSheet(bytes, options) : await readSheet(bytes, sheet, options);
    return data.map((row) => row.map(cellText));
  } catch (error) {
    if (error instanceof SheetNotFoundError) throw new ImportFileError(error.message);
    // InvalidInputError, InvalidSpreadsheetError, or a broken zip: the file, not the import, is at fault.
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportFileError(`The workbook cannot be read (${detail}): open it in Excel and save it again as .xlsx.`);
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** read-excel-file returns dates at UTC midnight (plus the cell's time of day, if any). */
function dateText(date: Date): string {
  const iso = date.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
