import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAdmin } from '../server/admin/cli';
import { FirmStore } from '../server/store/firm-store';
import { largeSecondmentsCsv, largeSecondmentsXlsx } from '../test/fixtures/import/make-fixtures';

export type ImportFigures = { rows: number; csvMs: number; xlsxMs: number; secondImportMs: number; created: number; unchanged: number };

/**
 * The programme manager's 5,000-row spreadsheet imported end to end with the admin command (read,
 * match headers, validate, resolve clients, apply in one transaction) into a fresh SQLite file:
 * once as CSV, once as XLSX into another file, then the CSV again (every row unchanged).
 */
export async function measureImport(rows = 5_000): Promise<ImportFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'lens-import-bench-'));
  const quiet = { out: () => {}, err: () => {} };
  try {
    const clients = join(dir, 'clients.csv');
    writeFileSync(clients, ['Client Name,Industry', ...Array.from({ length: 700 }, (_, i) => `Client ${i},Industry ${i % 9}`)].join('\n'));
    const csv = join(dir, 'programme.csv');
    const xlsx = join(dir, 'programme.xlsx');
    writeFileSync(csv, largeSecondmentsCsv(rows));
    writeFileSync(xlsx, largeSecondmentsXlsx(rows));

    const timed = async (db: string, file: string) => {
      const t0 = performance.now();
      const status = await runAdmin(['import', 'secondments', file, '--date-format', 'DD/MM/YYYY'], { dbPath: db, io: quiet });
      if (status !== 0) throw new Error(`import of ${file} failed (${status})`);
      return performance.now() - t0;
    };
    const dbs = [join(dir, 'a.sqlite'), join(dir, 'b.sqlite')];
    for (const db of dbs) await runAdmin(['import', 'clients', clients], { dbPath: db, io: quiet });
    const csvMs = await timed(dbs[0]!, csv);
    const xlsxMs = await timed(dbs[1]!, xlsx);
    const secondImportMs = await timed(dbs[0]!, csv);
    const store = await FirmStore.open(dbs[0]!);
    const created = (await store.counts()).secondments;
    await store.close();
    return { rows, csvMs, xlsxMs, secondImportMs, created, unchanged: created };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
