import { ImportFileError } from './table';

/** The separators spreadsheets export: Excel uses `;` where the decimal mark is a comma. */
const DELIMITERS = ['\t', ';', ','] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Lines looked at to find the header line when title lines sit above it. */
const SNIFF_LINES = 20;

/**
 * The separator of a CSV text: the candidate that occurs most often outside quotes on the first
 * line that has any (the header line, possibly below a title line). Ties go to tab, then
 * semicolon, then comma, as commas are the likeliest to appear inside unquoted text.
 */
export function sniffDelimiter(text: string): Delimiter {
  let line = 0;
  let counts = new Map<Delimiter, number>();
  let quoted = false;
  for (let i = 0; i <= text.length && line < SNIFF_LINES; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r' || ch === undefined)) {
      const best = DELIMITERS.reduce((a, b) => ((counts.get(b) ?? 0) > (counts.get(a) ?? 0) ? b : a));
      if ((counts.get(best) ?? 0) > 0) return best;
      counts = new Map();
      line++;
    } else if (!quoted && (ch === '\t' || ch === ';' || ch === ',')) {
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
  }
  return ',';
}

/**
 * Records of a CSV text (RFC 4180, leniently): quoted fields may hold separators, doubled quotes
 * and line breaks; CRLF, LF and lone CR all end a record; a quote inside an unquoted field is
 * kept as text. Record i (0-based) is what a spreadsheet shows as row i + 1, whatever the number
 * of physical lines its quoted cells span. A quote that is never closed is an error, not a
 * silent swallow of the rest of the file.
 */
export function parseCsv(text: string, delimiter: Delimiter = sniffDelimiter(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  const n = text.length;
  let i = 0;
  // Whole unquoted cells are sliced out rather than built a character at a time (5,000-row files).
  const isCellEnd = (c: number) => c === delimiter.charCodeAt(0) || c === 10 || c === 13;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      const openedAt = records.length + 1;
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) throw new ImportFileError(`Row ${openedAt}: a quoted cell is never closed (a missing " in the file).`);
        field += text.slice(i, close);
        i = close + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
    }
    // Unquoted text, or text after a closing quote ("a"b is kept as ab, as spreadsheets do).
    const start = i;
    while (i < n && !isCellEnd(text.charCodeAt(i))) i++;
    field += text.slice(start, i);
    record.push(field);
    if (i >= n) {
      if (record.length > 1 || field !== '') records.push(record);
      return records;
    }
    if (text[i] === delimiter) {
      i++;
      continue;
    }
    records.push(record);
    record = [];
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    if (i >= n) return records;
  }
}

/**
 * Text of a CSV file: UTF-8 with or without a byte-order mark, or UTF-16 with one (Excel's
 * "Unicode text"). Anything else is refused with a hint rather than read as mojibake.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportFileError('The file is not UTF-8 text: save it as "CSV UTF-8" (or as .xlsx) and import it again.');
  }
}
