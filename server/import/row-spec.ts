import type { z } from 'zod';
import { parseDateCell, type DateContext, type DateFormat } from './dates';
import { matchColumns, type ColumnIndex, type FieldSpec, type HeaderMapping } from './headers';
import type { Table } from './table';
import { multiLine, oneLine, type Vocabulary } from './values';

/** A row the import will not apply, with why, and its cells as read (for the rejected-rows report). */
export type Rejected = { rowNumber: number; reason: string; raw: string[] };

/** A valid row, with where it came from: the caller may still reject it (an unknown client, say). */
export type Accepted<T> = { rowNumber: number; raw: string[]; value: T };

export type ImportResult<T> = { headers: string[]; accepted: Accepted<T>[]; rejected: Rejected[] };

export type ValidateOptions = { mapping?: HeaderMapping; dateFormat?: DateFormat };

/** The file's columns, for specs that read more than their fixed fields (PMS id columns). */
export type FileColumns = { headers: readonly string[]; columns: ColumnIndex };

/**
 * One row's cells by field, with readers that note each problem (with the field's label) instead
 * of stopping at the first, so that one reason lists everything to fix in that row.
 */
export class RowCells {
  readonly problems: string[] = [];

  constructor(
    readonly cells: readonly string[],
    private readonly columns: ColumnIndex,
    private readonly dates: DateContext,
  ) {}

  /** The cell of a field, '' when the file has no such column. */
  raw(key: string): string {
    const column = this.columns.get(key);
    return column === undefined ? '' : (this.cells[column] ?? '');
  }

  problem(label: string, reason: string): void {
    this.problems.push(`${label}: ${reason}`);
  }

  /** One-line text ('' when empty). */
  line(key: string): string {
    return oneLine(this.raw(key));
  }

  /** One-line text that must be there: empty is noted as a problem. */
  requiredLine(key: string, label: string): string {
    const value = this.line(key);
    if (value === '') this.problem(label, 'empty');
    return value;
  }

  /** One-line text, or null when empty. */
  optionalLine(key: string): string | null {
    return this.line(key) || null;
  }

  /** Free text with its line breaks, or null when empty. */
  optionalText(key: string): string | null {
    return multiLine(this.raw(key)) || null;
  }

  /** A date as `YYYY-MM-DD`, null when empty; a bad date is noted as a problem. */
  date(key: string, label: string): string | null {
    const result = parseDateCell(this.raw(key), this.dates);
    if (result.ok) return result.date;
    this.problem(label, result.reason);
    return null;
  }

  /** A required value from a vocabulary; an empty or unknown word is noted as a problem. */
  pick<V extends string>(key: string, label: string, vocabulary: Vocabulary<V>): V | undefined {
    const result = vocabulary.read(this.raw(key));
    if (result.ok) return result.value;
    this.problem(label, result.reason);
    return undefined;
  }
}

/**
 * How one kind of import reads a row. `bind` runs once per file and returns the row builder,
 * whose result is checked by `schema` (the contract's enums and limits). `naturalKey` says which
 * rows are "the same row": a second one in a file is rejected as a duplicate, and the caller
 * matches rows already in the database on it, so re-importing a file changes nothing.
 */
export type RowSpec<T> = {
  entity: string;
  fields: readonly FieldSpec[];
  /** Groups of fields of which the file must have at least one column. */
  oneOf?: readonly (readonly string[])[];
  schema: z.ZodType<T>;
  /** Labels of schema paths for messages, e.g. `{ 'person.name': 'secondee' }`. */
  pathLabels?: Readonly<Record<string, string>>;
  bind(file: FileColumns): (row: RowCells) => unknown;
  naturalKey(value: T): string;
  /** The natural key in words, for the duplicate reason: "client, secondee, planned start and direction". */
  naturalKeyWords: string;
};

function schemaReason(error: z.ZodError, labels: Readonly<Record<string, string>> = {}): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      const label = labels[path] ?? path.replace(/\./g, ' ');
      return label ? `${label}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

const sameCells = (a: readonly string[], b: readonly string[]) => a.every((cell, i) => cell.trim() === (b[i] ?? '').trim());

/**
 * Turns a table into accepted and rejected rows. Throws ImportFileError when a required column
 * is missing (nothing can be imported then); every row-level problem is a rejected row instead.
 */
export function validateRows<T>(table: Table, spec: RowSpec<T>, options: ValidateOptions = {}): ImportResult<T> {
  const columns = matchColumns(table.headers, spec.fields, { mapping: options.mapping, oneOf: spec.oneOf });
  const build = spec.bind({ headers: table.headers, columns });
  const dates: DateContext = { dateFormat: options.dateFormat, source: table.source };
  const accepted: Accepted<T>[] = [];
  const rejected: Rejected[] = [];
  const firstByKey = new Map<string, Accepted<T>>();

  for (const { rowNumber, cells } of table.rows) {
    const row = new RowCells(cells, columns, dates);
    const candidate = build(row);
    if (row.problems.length > 0) {
      rejected.push({ rowNumber, reason: row.problems.join('; '), raw: cells });
      continue;
    }
    const parsed = spec.schema.safeParse(candidate);
    if (!parsed.success) {
      rejected.push({ rowNumber, reason: schemaReason(parsed.error, spec.pathLabels), raw: cells });
      continue;
    }
    const key = spec.naturalKey(parsed.data);
    const first = firstByKey.get(key);
    if (first !== undefined) {
      const differs = sameCells(first.raw, cells) ? '' : `; other columns differ`;
      rejected.push({ rowNumber, reason: `duplicate of row ${first.rowNumber} (same ${spec.naturalKeyWords}${differs})`, raw: cells });
      continue;
    }
    const entry = { rowNumber, raw: cells, value: parsed.data };
    firstByKey.set(key, entry);
    accepted.push(entry);
  }
  return { headers: table.headers, accepted, rejected };
}
