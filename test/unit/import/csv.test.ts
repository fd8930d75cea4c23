import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, parseCsv, sniffDelimiter } from '../../../server/import/csv';
import { ImportFileError } from '../../../server/import/table';

describe('sniffDelimiter', () => {
  it.each([
    ['comma', 'Name,Email,Role\na,b,c', ','],
    ['semicolon', 'Name;Email;Role\r\na;b;c', ';'],
    ['tab', 'Name\tEmail\tRole\na\tb\tc', '\t'],
    ['semicolon, with commas inside quoted headers', '"Client, plc";"Start, planned";Status\n', ';'],
    ['semicolon over the odd comma in a header', 'Client;Title, role;Status\n', ';'],
    ['the header below a title line that has no separator', 'Programme 2026\nName;Email;Role\n', ';'],
    ['a single column', 'Name\nAda\n', ','],
  ])('finds the %s separator', (_, text, expected) => {
    expect(sniffDelimiter(text)).toBe(expected);
  });
});

describe('parseCsv', () => {
  it('reads quoted cells holding separators, doubled quotes and line breaks as one row each', () => {
    const text = 'a;b;c\r\n"x;y";"say ""hi""";"line 1\r\nline 2"\r\nlast;;\r\n';
    expect(parseCsv(text, ';')).toEqual([
      ['a', 'b', 'c'],
      ['x;y', 'say "hi"', 'line 1\r\nline 2'],
      ['last', '', ''],
    ]);
  });

  it('ends rows at CRLF, LF and a lone CR alike, and keeps blank lines as rows', () => {
    expect(parseCsv('a,b\rc,d\n\ne,f', ',')).toEqual([['a', 'b'], ['c', 'd'], [''], ['e', 'f']]);
  });

  it('does not add a row for the final line break', () => {
    expect(parseCsv('a,b\n', ',')).toEqual([['a', 'b']]);
  });

  it('keeps a quote inside an unquoted cell as text', () => {
    expect(parseCsv('5" screen,x\n', ',')).toEqual([['5" screen', 'x']]);
  });

  it('refuses a quoted cell that is never closed, naming the row where it opened', () => {
    const read = () => parseCsv('a,b\nok,fine\n"broken,x\nmore,rows\n', ',');
    expect(read).toThrow(ImportFileError);
    expect(read).toThrow(/Row 3: a quoted cell is never closed/);
  });
});

describe('decodeCsvBytes', () => {
  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeCsvBytes(Buffer.from('\uFEFFZoë,x', 'utf8'))).toBe('Zoë,x');
  });

  it('reads UTF-16 "Unicode text" with its byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Name\tZoë', 'utf16le')]);
    expect(decodeCsvBytes(bytes)).toBe('Name\tZoë');
  });

  it('refuses text that is not UTF-8 (a Windows-1252 export) with a hint', () => {
    const latin1 = Buffer.from([0x5a, 0x6f, 0xeb, 0x2c, 0x78]); // "Zoë,x" in Windows-1252
    expect(() => decodeCsvBytes(latin1)).toThrow(/not UTF-8 text: save it as "CSV UTF-8"/);
  });
});
