import { describe, expect, it } from 'vitest';
import { messages } from '@/components/pipeline/messages';
import { csvCell, toCsv } from '@/lib/pipeline/csv';
import { needsCsv } from '@/lib/pipeline/need-csv';
import { toNeedRow } from '@/lib/pipeline/need-row';
import { client, need, NOW } from './fixtures';

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded ', '" padded "'],
    ['', ''],
  ])('%j is written as %j', (value, cell) => expect(csvCell(value)).toBe(cell));

  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
  ])('a formula %j is defused as text: %j', (value, cell) => expect(csvCell(value)).toBe(cell));

  it('joins cells with commas and rows with CRLF, header first', () => {
    expect(toCsv(['A', 'B'], [['1', 'x,y'], ['2', '']])).toBe('A,B\r\n1,"x,y"\r\n2,\r\n');
  });
});

describe('exporting needs', () => {
  it('writes one row per need with the page’s words, and never a redacted need’s text', () => {
    const rows = [
      toNeedRow(need({ title: 'GDPR review', practiceArea: 'Data Protection', status: 'won', matter: { system: 'clio', kind: 'matter', externalId: '5001', tenant: null }, identifiedAt: '2026-06-01T09:00:00Z' }), client('c-1', 'Acme, Inc.'), NOW),
      toNeedRow(need({ title: 'Secret merger', redacted: true, confidential: true, askContact: { userId: null, name: 'Priya Shah' }, identifiedAt: '2026-05-01T09:00:00Z' }), client('c-1', '=Evil Corp'), NOW),
    ];
    const csv = needsCsv(rows, messages.csv);
    expect(csv.split('\r\n')).toEqual([
      'Status,Client,Need,Practice area,Owner,Noticed by,Noticed on,Age (days),Confidential,Matter',
      'Won,"Acme, Inc.",GDPR review,Data Protection,,Sam Okafor,2026-06-01,14,no,clio matter 5001',
      "New,'=Evil Corp,Confidential — ask Priya Shah,Employment,,Sam Okafor,2026-05-01,45,yes,",
      '',
    ]);
    expect(csv).not.toContain('Secret merger');
  });
});
