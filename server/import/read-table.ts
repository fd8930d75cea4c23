import { readFile } from 'node:fs/promises';
import { decodeCsvBytes, parseCsv } from './csv';
import { tableFromRecords } from './header-rows';
import { ImportFileError, type Table } from './table';
import { readXlsxRecords } from './xlsx';

export type ReadTableOptions = {
  /** Worksheet name (`--sheet`); the first sheet when absent. XLSX only. */
  sheet?: string;
};

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // every .xlsx is a zip archive
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // legacy binary .xls

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Reads a CSV (comma, semicolon or tab, sniffed from the header line) or an XLSX workbook into a
 * table of text cells. The format is told by the file's first bytes, not its name, so a workbook
 * saved as `.csv` by mistake is still read as a workbook.
 */
export async function readTable(path: string, options: ReadTableOptions = {}): Promise<Table> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportFileError(code === 'ENOENT' ? `No such file: ${path}` : `Cannot read ${path} (${code ?? String(error)}).`);
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new ImportFileError(`${path} is an old Excel 97–2003 workbook (.xls): save it as .xlsx or CSV UTF-8.`);
  }
  if (startsWith(bytes, ZIP_MAGIC)) {
    return tableFromRecords(await readXlsxRecords(bytes, options.sheet), 'xlsx');
  }
  if (options.sheet !== undefined) {
    throw new ImportFileError(`--sheet applies to .xlsx workbooks; ${path} is a CSV file.`);
  }
  return tableFromRecords(parseCsv(decodeCsvBytes(bytes)), 'csv');
}
