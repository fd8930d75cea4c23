/**
 * `npm run admin -- import …` on a real SQLite file, with the messy files a firm really has
 * (test/fixtures/import): dry runs change nothing, counts and the rejected-rows report are right,
 * a second import is a no-op, and what was imported is served by the endpoint over HTTP.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ClientContext } from '../../lib/contract';
import { runAdmin } from '../../server/admin/cli';
import { client, collect, ok, openStore, start, tempDir } from './helpers';

const tmp = tempDir();
afterAll(async () => tmp.remove());
const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

/** A copy of a fixture in the test's folder (the report is written beside the input). */
function fixture(name: string): string {
  const to = join(tmp.dir, name);
  copyFileSync(join(FIXTURES, name), to);
  return to;
}

async function admin(db: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runAdmin(argv, { dbPath: db, io: { out: (l) => out.push(l), err: (l) => err.push(l) } });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

async function importJson(db: string, ...argv: string[]) {
  const r = await admin(db, 'import', ...argv, '--json');
  expect(r.status, r.err).toBe(0);
  return JSON.parse(r.out.split('\n')[0]!) as { read: number; created: number; updated: number; unchanged: number; rejected: number; rejectedReport: string | null; dryRun: boolean };
}

async function counts(db: string) {
  const store = await openStore(db);
  try {
    return { users: (await store.users.count()), ...(await store.counts()), walls: await store.sql.value<number>('SELECT count(*) FROM walls') };
  } finally {
    (await store.close());
  }
}

describe('import, from an empty endpoint to a running firm', () => {
  const db = tmp.file('firm.sqlite');

  it('users: rejected rows (bad email, duplicate, unknown role) go to the report with their row number', async () => {
    (await start(db, { seed: false })).close();
    const file = fixture('users.tsv');
    const dry = await importJson(db, 'users', file, '--dry-run');
    expect((await counts(db)).users).toBe(0);
    const real = await importJson(db, 'users', file);
    expect({ ...dry, dryRun: false }).toEqual(real);
    expect(real).toMatchObject({ read: 6, created: 3, updated: 0, unchanged: 0, rejected: 3 });
    const report = readFileSync(real.rejectedReport!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(report[0]).toBe('row,reason,Full name,E-mail,Role,Job title');
    expect(report.slice(1).map((l) => l.split(',')[0])).toEqual(['5', '6', '7']);
    expect(report.join('\n')).toMatch(/duplicate of row 2/);
    expect((await importJson(db, 'users', file))).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 3 });
  });

  it('clients: a dry run changes nothing and predicts the real run; a second import is a no-op', async () => {
    const file = fixture('clients.csv');
    const before = await counts(db);
    const dry = await importJson(db, 'clients', file, '--dry-run');
    expect(await counts(db)).toEqual(before);
    const real = await importJson(db, 'clients', file);
    expect({ ...dry, dryRun: false }).toEqual(real);
    expect(real.created).toBeGreaterThan(0);
    expect(real.created + real.updated + real.unchanged + real.rejected).toBe(real.read);
    const again = await importJson(db, 'clients', file);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: real.created + real.updated, rejected: real.rejected });
  });

  it('walls: an unknown user or client is a rejected row, never a crash; a wall is raised once', async () => {
    const file = join(tmp.dir, 'walls-tidy.csv');
    writeFileSync(file, 'User Email,Client ID,Client Name\r\npriya.shah@firm.example,c-northwind,\r\nnobody@firm.example,c-northwind,\r\npriya.shah@firm.example,,No Such Client plc\r\n');
    expect(await importJson(db, 'walls', file)).toMatchObject({ read: 3, created: 1, rejected: 2 });
    expect(readFileSync(`${file}.rejected.csv`, 'utf8')).toMatch(/unknown user nobody@firm\.example/);
    expect(await importJson(db, 'walls', file)).toMatchObject({ created: 0, unchanged: 1, rejected: 2 });
  });

  it('secondments: the programme manager\'s semicolon CSV with a BOM and CRLF, day-first dates', async () => {
    const file = fixture('secondments-semicolon-bom-crlf.csv');
    const noFormat = await importJson(db, 'secondments', file, '--dry-run');
    expect(noFormat.created).toBe(0); // 01/09/2026 is never guessed
    const real = await importJson(db, 'secondments', file, '--date-format', 'DD/MM/YYYY');
    expect(real).toMatchObject({ read: 9, created: 2, rejected: 7 });
    const report = readFileSync(real.rejectedReport!, 'utf8');
    for (const reason of ['secondee: empty', 'is before the planned start', 'not a real date', 'not a known status', 'unknown client']) expect(report).toContain(reason);
    expect(await importJson(db, 'secondments', file, '--date-format', 'DD/MM/YYYY')).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('the XLSX with merged header cells and empty rows imports too: row numbers as the spreadsheet shows them', async () => {
    const xlsxDb = tmp.file('xlsx.sqlite');
    (await start(xlsxDb, { seed: false })).close();
    const clients = join(tmp.dir, 'clients-by-number.csv');
    writeFileSync(clients, 'Client ID,Client Name,Industry\n1001,Northwind Logistics,Logistics\n1002,Kestrel Bank,Banking\n1003,Harbor Biotech,Life sciences\n');
    expect(await importJson(xlsxDb, 'clients', clients)).toMatchObject({ created: 3, rejected: 0 });
    const file = fixture('secondments-merged-header.xlsx');
    const r = await importJson(xlsxDb, 'secondments', file, '--date-format', 'DD/MM/YYYY');
    // The "Planned" header merged over "Start | End" is read; blank rows are skipped, not counted.
    expect(r).toMatchObject({ read: 6, created: 2, updated: 0, unchanged: 0, rejected: 4 });
    const report = readFileSync(r.rejectedReport!, 'utf8');
    expect(report).toMatch(/^\uFEFFrow,reason,Direction,Client,Client no\.,Secondee/);
    expect(report.split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(',')[0])).toEqual(['9', '10', '11', '12']);
    expect(report).toContain('duplicate of row 5');
    expect(report).toContain('unknown client id 1004');
  });

  it('what was imported is served by the endpoint, and each run is in the audit trail with its counts', async () => {
    const issued = await admin(db, 'tokens', 'issue', 'eleanor.marsh@firm.example');
    const token = /API token[^:]*: (\S+)/.exec(issued.out)![1]!;
    const server = await start(db, { seed: false });
    try {
      const ctx = await ok(await client(server, token).get('/v1/clients/c-northwind/context'), ClientContext);
      const sam = ctx.secondments.find((s) => s.person.name === 'Sam Okafor' && s.direction === 'outbound');
      expect(sam).toMatchObject({ status: 'active', plannedStart: '2026-09-01', plannedEnd: '2027-05-31', billingBasis: 'flat-fee' });
      expect(sam!.objectives.map((o) => o.status)).toContain('met');
      expect(ctx.secondments.some((s) => s.direction === 'reverse' && s.person.name === 'Aisha Verma')).toBe(true);
      const rows = (await collect(server.store.audit.rowsSince(undefined))).filter((r) => r.action === 'admin.command' && r.target?.includes('import secondments'));
      expect(rows.at(-1)?.target).toMatch(/→ read \d+, created \d+, updated \d+, unchanged \d+, rejected \d+$/);
    } finally {
      await server.close();
    }
  });
});

describe('import refuses a bad file whole, and says why', () => {
  it('a missing file, a file without the required columns, a bad date format', async () => {
    const db = tmp.file('refusals.sqlite');
    (await start(db, { seed: false })).close();
    expect((await admin(db, 'import', 'users', join(tmp.dir, 'nope.csv'))).err).toMatch(/No such file/);
    const headless = join(tmp.dir, 'no-columns.csv');
    writeFileSync(headless, 'Colour,Size\nred,3\n');
    const r = await admin(db, 'import', 'users', headless);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/Nothing was imported/);
    expect((await admin(db, 'import', 'secondments', headless, '--date-format', 'D/M/Y')).status).toBe(2);
    expect((await counts(db)).users).toBe(0);
  });
});
