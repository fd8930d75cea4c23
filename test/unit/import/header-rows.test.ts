import { describe, expect, it } from 'vitest';
import { tableFromRecords } from '../../../server/import/header-rows';

describe('tableFromRecords', () => {
  it('numbers rows as the spreadsheet shows them and skips blank rows', () => {
    const table = tableFromRecords([['Name', 'Email'], ['Ada', 'ada@x.example'], ['', '  '], [], ['Bo', 'bo@x.example']], 'csv');
    expect(table.headers).toEqual(['Name', 'Email']);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['Ada', 'ada@x.example'] },
      { rowNumber: 5, cells: ['Bo', 'bo@x.example'] },
    ]);
  });

  it('passes over blank rows and a (merged) title row above the header', () => {
    const table = tableFromRecords([[], ['Secondment programme 2026', '', ''], ['Name', 'Email', 'Role'], ['Ada', 'a@x.example', 'bd']], 'xlsx');
    expect(table.headers).toEqual(['Name', 'Email', 'Role']);
    expect(table.rows).toEqual([{ rowNumber: 4, cells: ['Ada', 'a@x.example', 'bd'] }]);
  });

  it('reads a two-row header of merged groups as one header per column', () => {
    const table = tableFromRecords(
      [
        ['Secondee', 'Planned', '', 'Check-ins', '', 'Status'],
        ['', 'Start', 'End', 'Last', 'Next due', ''],
        ['Ada', '2026-01-01', '2026-06-30', '', '', 'active'],
      ],
      'xlsx',
    );
    expect(table.headers).toEqual(['Secondee', 'Planned Start', 'Planned End', 'Check-ins Last', 'Check-ins Next due', 'Status']);
    expect(table.rows).toEqual([{ rowNumber: 3, cells: ['Ada', '2026-01-01', '2026-06-30', '', '', 'active'] }]);
  });

  it('does not take a data row under a merged header for sub-headers', () => {
    const table = tableFromRecords([['Secondee', 'Notes', ''], ['Ada', 'first', 'second']], 'xlsx');
    expect(table.headers).toEqual(['Secondee', 'Notes', '']);
    expect(table.rows).toEqual([{ rowNumber: 2, cells: ['Ada', 'first', 'second'] }]);
  });

  it('treats a row with text only outside the named columns as blank', () => {
    const table = tableFromRecords([['Name', 'Email', ''], ['', '', 'a note to the side'], ['Ada', 'a@x.example', '']], 'csv');
    expect(table.rows.map((r) => r.rowNumber)).toEqual([3]);
  });

  it('lines every row up with the headers, however many cells it has', () => {
    const table = tableFromRecords([['A', 'B', 'C'], ['1'], ['1', '2', '3', '4']], 'csv');
    expect(table.rows.map((r) => r.cells)).toEqual([['1', '', ''], ['1', '2', '3']]);
  });

  it('refuses a file with no header row', () => {
    expect(() => tableFromRecords([[], ['only one cell']], 'csv')).toThrow(/No header row found/);
  });
});
