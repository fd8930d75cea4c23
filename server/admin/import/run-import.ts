import { basename } from 'node:path';
import {
  type Accepted, DateFormat, type FieldSpec, ImportFileError, type ImportResult, readHeaderMapping, readTable,
  type Rejected, type Table, type ValidateOptions, writeRejectedReport,
} from '../../import';
import type { FirmStore } from '../../store/firm-store';
import { type AdminContext, CommandFailed, UsageError } from '../admin-context';

/** What applying one valid row did; a row the database refuses (an unknown client) is rejected with why. */
export type RowOutcome = 'created' | 'updated' | 'unchanged' | { reject: string };

export type ImportSummary = {
  file: string; dryRun: boolean; read: number; created: number; updated: number; unchanged: number; rejected: number;
  rejectedReport: string | null;
};

export type Importer<T> = {
  /** `users`, `walls`… */
  entity: string;
  fields: readonly FieldSpec[];
  validate: (table: Table, options: ValidateOptions) => ImportResult<T>;
  apply: (store: FirmStore, row: T) => Promise<RowOutcome>;
};

/** Thrown inside the transaction of a dry run, so that everything it did is rolled back. */
class DryRunRollback extends Error {}

const PROGRESS_EVERY = 1000;

/**
 * One import, the same for every entity: read the file (CSV or XLSX), match its headers, validate
 * every row, then apply the valid rows in ONE transaction — or, with --dry-run, apply them and roll
 * back, so the counts are exactly what a real run would do and nothing changes. Rejected rows (the
 * file's and the database's) go to `<file>.rejected.csv`. Importing the same file twice changes
 * nothing the second time: rows are matched on the importer's natural key.
 */
export async function runImport<T>(ctx: AdminContext, importer: Importer<T>, file: string, values: Record<string, unknown>): Promise<ImportSummary> {
  const dateFormat = values['date-format'];
  if (dateFormat !== undefined && !DateFormat.safeParse(dateFormat).success) {
    throw new UsageError(`--date-format must be one of ${DateFormat.options.join(', ')}, not ${JSON.stringify(dateFormat)}.`);
  }
  const dryRun = values['dry-run'] === true;
  let result: ImportResult<T>;
  try {
    const table = await readTable(file, { sheet: typeof values.sheet === 'string' ? values.sheet : undefined });
    const mapping = typeof values.mapping === 'string' ? await readHeaderMapping(values.mapping, importer.fields) : undefined;
    result = importer.validate(table, { mapping, dateFormat: dateFormat as DateFormat | undefined });
  } catch (err) {
    if (err instanceof ImportFileError) throw new CommandFailed(`${basename(file)}: ${err.message} Nothing was imported.`);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CommandFailed(`No such file: ${file}`);
    throw err;
  }

  const counts = { created: 0, updated: 0, unchanged: 0 };
  const rejected: Rejected[] = [...result.rejected];
  const total = result.accepted.length;
  const applyAll = async () => {
    for (const [i, row] of result.accepted.entries() as IterableIterator<[number, Accepted<T>]>) {
      const outcome = await importer.apply(ctx.store, row.value);
      if (typeof outcome === 'object') rejected.push({ rowNumber: row.rowNumber, reason: outcome.reject, raw: row.raw });
      else counts[outcome]++;
      if (total > PROGRESS_EVERY && (i + 1) % PROGRESS_EVERY === 0) ctx.io.err(`… ${i + 1} of ${total} rows`);
    }
  };
  try {
    await ctx.store.transaction(async () => {
      await applyAll();
      if (dryRun) throw new DryRunRollback();
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }

  rejected.sort((a, b) => a.rowNumber - b.rowNumber);
  const rejectedReport = await writeRejectedReport(file, rejected, result.headers);
  return {
    file, dryRun, read: result.accepted.length + result.rejected.length, ...counts, rejected: rejected.length, rejectedReport,
  };
}

/** The summary as people read it (or JSON for scripts). */
export function printSummary(ctx: AdminContext, entity: string, s: ImportSummary, json: boolean): void {
  if (json) {
    ctx.io.out(JSON.stringify({ entity, ...s }));
    return;
  }
  ctx.io.out(`${s.dryRun ? 'Dry run (nothing changed): ' : ''}${entity} from ${basename(s.file)}: ${s.read} row(s) read, ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected.`);
  if (s.rejectedReport) ctx.io.out(`Rejected rows, with their row number and reason: ${s.rejectedReport}`);
}
