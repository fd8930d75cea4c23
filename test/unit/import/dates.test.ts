import { describe, expect, it } from 'vitest';
import { dateOfExcelSerial, parseDateCell, type DateContext } from '../../../server/import/dates';

const csv = (dateFormat?: DateContext['dateFormat']): DateContext => ({ source: 'csv', dateFormat });
const xlsx: DateContext = { source: 'xlsx' };

describe('parseDateCell', () => {
  it.each([
    ['an ISO date with no format given', '2026-03-04', csv(), '2026-03-04'],
    ['an ISO date whatever the format', '2026-03-04', csv('MM/DD/YYYY'), '2026-03-04'],
    ['an ISO date and time (a dated cell with a time)', '2026-03-04 09:30', xlsx, '2026-03-04'],
    ['day-first when the format says so', '03/04/2026', csv('DD/MM/YYYY'), '2026-04-03'],
    ['month-first when the format says so', '03/04/2026', csv('MM/DD/YYYY'), '2026-03-04'],
    ['dots and single digits, day-first', '3.4.2026', csv('DD/MM/YYYY'), '2026-04-03'],
    ['29 February of a leap year', '29/02/2024', csv('DD/MM/YYYY'), '2024-02-29'],
    ['an Excel serial date from a workbook', '46081', xlsx, '2026-02-28'],
    ['an empty cell as no date', '  ', csv(), null],
  ])('reads %s', (_, text, ctx, expected) => {
    expect(parseDateCell(text, ctx)).toEqual({ ok: true, date: expected });
  });

  it.each([
    ['a slashed date with no format: never guessed', '03/04/2026', csv(), /could be day-first or month-first: pass --date-format/],
    ['a slashed date that only one order makes sense of, with no format', '31/12/2026', csv(), /could be day-first or month-first/],
    ['31 February', '31/02/2026', csv('DD/MM/YYYY'), /"31\/02\/2026" is not a real date in DD\/MM\/YYYY/],
    ['a day-first date read month-first', '31/05/2027', csv('MM/DD/YYYY'), /not a real date in MM\/DD\/YYYY/],
    ['29 February of a common year', '2025-02-29', csv(), /is not a real date/],
    ['month 13 in ISO', '2026-13-01', csv(), /is not a real date/],
    ['a two-digit year', '03/04/26', csv('DD/MM/YYYY'), /two-digit year/],
    ['a slashed date when the format is ISO', '03/04/2026', csv('YYYY-MM-DD'), /not a date in YYYY-MM-DD/],
    ['a bare number in a CSV', '46081', csv('DD/MM/YYYY'), /not a date in DD\/MM\/YYYY/],
    ['words', 'next Tuesday', csv(), /not a date in YYYY-MM-DD/],
    ['Excel\'s 29 February 1900 (serial 60)', '60', xlsx, /60 is not a date/],
  ])('refuses %s', (_, text, ctx, reason) => {
    const result = parseDateCell(text, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('dateOfExcelSerial', () => {
  it('agrees with Excel on known days and drops the time of day', () => {
    expect(dateOfExcelSerial(61)).toBe('1900-03-01');
    expect(dateOfExcelSerial(45292)).toBe('2024-01-01');
    expect(dateOfExcelSerial(45292.75)).toBe('2024-01-01');
    expect(dateOfExcelSerial(2_958_466)).toBeNull();
  });
});
