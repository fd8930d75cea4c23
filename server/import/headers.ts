import { ImportFileError } from './table';

/** One field a row spec reads, with the headers spreadsheets use for it. */
export type FieldSpec = {
  /** Our name for the field: what a mapping file (`--mapping`) names. */
  key: string;
  /** How messages name it to a user. */
  label: string;
  required?: boolean;
  /** Headers recognised besides the key and label, most specific first. */
  synonyms: readonly string[];
};

/** `{ "<our field>": "<their header>" }`, from a mapping file. */
export type HeaderMapping = Readonly<Record<string, string>>;

/** Field key → column index, for the fields found in the file. */
export type ColumnIndex = ReadonlyMap<string, number>;

/**
 * Headers and field names compared case-, space- and punctuation-insensitively, accents folded:
 * "Planned  start", "planned_start", "PLANNED-START" and "Plannéd start" are one header.
 */
export function normaliseHeader(header: string): string {
  // Decomposing accents costs more than the rest; most cells are plain ASCII (hot in enum cells).
  const folded = /^[\x20-\x7e]*$/.test(header) ? header : header.normalize('NFKD').replace(/\p{M}/gu, '');
  return folded
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]/g, '');
}

const quoteList = (items: readonly string[]) => items.map((h) => `"${h}"`).join(', ');

/** Finds the field named by a mapping key: its key or its label, loosely compared. */
export function fieldNamed(fields: readonly FieldSpec[], name: string): FieldSpec | undefined {
  const wanted = normaliseHeader(name);
  return fields.find((f) => normaliseHeader(f.key) === wanted || normaliseHeader(f.label) === wanted);
}

/**
 * Which column holds each field. A mapping names columns outright and is applied first; the other
 * fields are found by their key, label and synonyms, earlier synonyms winning, and each column
 * serves one field only (fields are tried in the order given, so list specific ones first).
 * `oneOf` lists groups of fields of which at least one must be present. Every required column
 * that is missing is named in one error together with the headers the file has.
 */
export function matchColumns(
  headers: readonly string[],
  fields: readonly FieldSpec[],
  options: { mapping?: HeaderMapping; oneOf?: readonly (readonly string[])[] } = {},
): ColumnIndex {
  const normalised = headers.map(normaliseHeader);
  const index = new Map<string, number>();
  const claimed = new Set<number>();
  const found = headers.filter((h) => h !== '');

  for (const [name, header] of Object.entries(options.mapping ?? {})) {
    const field = fieldNamed(fields, name);
    if (field === undefined) throw new ImportFileError(`The mapping names an unknown field "${name}".`);
    const column = normalised.indexOf(normaliseHeader(header));
    if (column === -1 || header.trim() === '') {
      throw new ImportFileError(`The mapping puts ${field.label} in a column "${header}", which the file does not have. Headers found: ${quoteList(found)}.`);
    }
    index.set(field.key, column);
    claimed.add(column);
  }

  for (const field of fields) {
    if (index.has(field.key)) continue;
    for (const name of [field.key, field.label, ...field.synonyms]) {
      const wanted = normaliseHeader(name);
      const column = normalised.findIndex((h, c) => h === wanted && h !== '' && !claimed.has(c));
      if (column !== -1) {
        index.set(field.key, column);
        claimed.add(column);
        break;
      }
    }
  }

  const describe = (f: FieldSpec) => `"${f.label}" (or ${quoteList(f.synonyms.slice(0, 4))})`;
  const missing = fields.filter((f) => f.required && !index.has(f.key)).map(describe);
  for (const group of options.oneOf ?? []) {
    if (group.some((key) => index.has(key))) continue;
    missing.push(group.map((key) => describe(fields.find((f) => f.key === key)!)).join(' or '));
  }
  if (missing.length > 0) {
    const what = missing.length === 1 ? 'a required column' : 'required columns';
    throw new ImportFileError(
      `The file lacks ${what}: ${missing.join('; ')}. Headers found: ${quoteList(found)}. ` +
        'Rename the column or pass --mapping map.json ({ "<our field>": "<your header>" }).',
    );
  }
  return index;
}
