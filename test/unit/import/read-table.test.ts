import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../server/import/read-table';
import { writeXlsx } from '../../fixtures/import/xlsx-writer';
import { fixture } from './fixture-path';

const scratch = () => mkdtempSync(join(tmpdir(), 'lens-import-'));

describe('readTable on a semicolon CSV with a BOM and CRLF', () => {
  it('reads the headers without the BOM and the rows as the spreadsheet numbers them', async () => {
    const table = await readTable(fixture('secondments-semicolon-bom-crlf.csv'));
    expect(table.source).toBe('csv');
    expect(table.headers[0]).toBe('Direction');
    expect(table.headers).toHaveLength(16);
    // Row 4 is blank (separators only) and skipped; row 2's objectives span two physical lines.
    expect(table.rows.map((r) => r.rowNumber)).toEqual([2, 3, 5, 6, 7, 8, 9, 10, 11]);
    expect(table.rows[0]!.cells[11]).toBe('met: Learn the procurement cycle\r\nBD: Find two new matters; Knowledge exchange, in progress: Run a "GDPR in practice" session');
    expect(table.rows.at(-1)!.cells[2]).toBe('Zoë Müller');
  });
});

describe('readTable on an XLSX with merged header cells and empty rows', () => {
  it('skips the title row, joins the two-row header and numbers rows as Excel shows them', async () => {
    const table = await readTable(fixture('secondments-merged-header.xlsx'));
    expect(table.source).toBe('xlsx');
    expect(table.headers).toEqual([
      'Direction', 'Client', 'Client no.', 'Secondee', 'Title', 'Host team', 'Mentor', 'Planned Start', 'Planned End',
      'Actual end', 'Status', 'Billing', 'Objectives', 'Check-ins Last', 'Check-ins Next due', 'Review', 'Reintegration plan',
    ]);
    expect(table.rows.map((r) => r.rowNumber)).toEqual([5, 8, 9, 10, 11, 12]);
  });

  it('gives date cells as ISO days, numbers and numbers stored as text as their digits, and bare serials as numbers', async () => {
    const table = await readTable(fixture('secondments-merged-header.xlsx'));
    const row = (n: number) => table.rows.find((r) => r.rowNumber === n)!.cells;
    expect(row(5).slice(7, 9)).toEqual(['2026-09-01', '2027-05-31']);
    expect(row(5)[2]).toBe('1001'); // stored as text
    expect(row(8)[2]).toBe('1001'); // stored as a number
    expect(row(12)[7]).toBe('46082'); // a date typed into a General cell: a serial for the date parser
    expect(row(5)[12]).toBe('met: Learn procurement\nBD: Find two matters');
  });

  it('reads the sheet named by --sheet', async () => {
    const table = await readTable(fixture('secondments-merged-header.xlsx'), { sheet: 'Archive' });
    expect(table.headers[2]).toBe('Secondee');
    expect(table.rows).toEqual([{ rowNumber: 2, cells: ['Outbound', 'Kestrel Bank', 'Sam Okafor', '2024-01-08', '2024-06-28', 'Completed', 'Flat fee'] }]);
  });

  it('names the sheets there are when --sheet names none of them', async () => {
    await expect(readTable(fixture('secondments-merged-header.xlsx'), { sheet: 'Nope' })).rejects.toThrow(/Available sheets: Programme, Archive/);
  });

  it('keeps long numeric ids exact', async () => {
    const path = join(scratch(), 'ids.xlsx');
    writeFileSync(path, writeXlsx([{ name: 'S', rows: [['Name', 'HubSpot company id'], ['Acme', { digits: '123456789012345678' }]] }]));
    // More digits than a float64 keeps (it would read 123456789012345680): the stored text wins.
    const table = await readTable(path);
    expect(table.rows[0]!.cells[1]).toBe('123456789012345678');
  });
});

describe('readTable refuses what it cannot read, with a message', () => {
  it.each([
    ['a missing file', null, /No such file/],
    ['an old .xls workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /old Excel 97–2003 workbook \(\.xls\)/],
    ['a broken workbook', Buffer.from('PK\u0003\u0004 not really a zip', 'latin1'), /The workbook cannot be read/],
    ['an empty file', Buffer.alloc(0), /No header row found/],
  ])('%s', async (_, bytes, message) => {
    const path = join(scratch(), 'input.csv');
    if (bytes !== null) writeFileSync(path, bytes);
    await expect(readTable(path)).rejects.toThrow(message);
  });

  it('--sheet on a CSV', async () => {
    await expect(readTable(fixture('walls.csv'), { sheet: 'Programme' })).rejects.toThrow(/--sheet applies to \.xlsx workbooks/);
  });
});
