import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../server/import/csv';
import { readTable } from '../../../server/import/read-table';
import { rejectedReportPath, writeRejectedReport } from '../../../server/import/rejected-report';
import { validateSecondments } from '../../../server/import/specs/secondments';
import { fixture } from './fixture-path';

const inputIn = (dir: string) => join(dir, 'programme.csv');

describe('writeRejectedReport', () => {
  it('writes <input>.rejected.csv: a header line, then one properly quoted line per rejected row in row order', async () => {
    const input = inputIn(mkdtempSync(join(tmpdir(), 'lens-report-')));
    const rejected = [
      { rowNumber: 9, reason: 'status: "Paused" is not a known status', raw: ['Zoë, Müller', 'line 1\nline 2'] },
      { rowNumber: 3, reason: 'secondee: empty', raw: ['', 'x'] },
    ];
    const path = await writeRejectedReport(input, rejected, ['Secondee', 'Notes']);
    expect(path).toBe(`${input}.rejected.csv`);
    const text = readFileSync(path!, 'utf8');
    expect(text).toBe(
      '\uFEFFrow,reason,Secondee,Notes\r\n' +
        '3,secondee: empty,,x\r\n' +
        '9,"status: ""Paused"" is not a known status","Zoë, Müller","line 1\nline 2"\r\n',
    );
    // It reads back as the same cells.
    expect(parseCsv(text.slice(1), ',')).toEqual([
      ['row', 'reason', 'Secondee', 'Notes'],
      ['3', 'secondee: empty', '', 'x'],
      ['9', 'status: "Paused" is not a known status', 'Zoë, Müller', 'line 1\nline 2'],
    ]);
  });

  it('defuses cells a spreadsheet would run as formulas', async () => {
    const input = inputIn(mkdtempSync(join(tmpdir(), 'lens-report-')));
    const path = await writeRejectedReport(input, [{ rowNumber: 2, reason: 'x', raw: ['=HYPERLINK("http://evil.example","click")', '@SUM(A1)', '+1', 'fine'] }], ['a', 'b', 'c', 'd']);
    const line = readFileSync(path!, 'utf8').split('\r\n')[1];
    expect(line).toBe(`2,x,"'=HYPERLINK(""http://evil.example"",""click"")",'@SUM(A1),'+1,fine`);
  });

  it('removes a stale report when nothing was rejected', async () => {
    const input = inputIn(mkdtempSync(join(tmpdir(), 'lens-report-')));
    writeFileSync(rejectedReportPath(input), 'old report');
    expect(await writeRejectedReport(input, [], ['a'])).toBeNull();
    expect(existsSync(rejectedReportPath(input))).toBe(false);
    // And is quiet when there is none.
    expect(await writeRejectedReport(input, [], ['a'])).toBeNull();
  });

  it('reports the messy semicolon CSV with its original headers and cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lens-report-'));
    const input = join(dir, 'secondments.csv');
    writeFileSync(input, readFileSync(fixture('secondments-semicolon-bom-crlf.csv')));
    const table = await readTable(input);
    const result = validateSecondments(table, { dateFormat: 'DD/MM/YYYY' });
    const report = parseCsv(readFileSync((await writeRejectedReport(input, result.rejected, result.headers))!, 'utf8').slice(1), ',');
    expect(report[0]).toEqual(['row', 'reason', ...table.headers]);
    expect(report.slice(1).map((r) => [r[0], r[4]])).toEqual([['6', 'Sam Okafor'], ['7', ''], ['8', 'Priya Shah'], ['9', 'Tom Reid'], ['10', 'Mia Chen']]);
  });
});
