import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, ClientContext, Need, Secondment } from '../../lib/contract';
import { seedDemoFirm, DEMO_NEED_COUNT, DEMO_SECONDMENT_COUNT } from '../../server/demo/seed';
import { CLIO_TENANT, DEMO_CLIENTS, DEMO_RECORDS, DEMO_TOKENS, DEMO_USERS, DEMO_WALLS } from '../../server/demo/demo-ids';
import { SqlDatabase } from '../../server/store/database';
import { type FirmStore, migrateDatabase } from '../../server/store/firm-store';
import { LATEST_SCHEMA_VERSION } from '../../server/store/migrations';
import { schemaVersion } from '../../server/store/migrations-postgres';
import { client, ok, openStore, start, tempDir, testDialect } from './helpers';

const tmp = tempDir();
afterAll(async () => tmp.remove());

/** A database migrated to `version` only, opened at the layer below the store. */
async function databaseAt(location: string, version: number): Promise<SqlDatabase> {
  const db = SqlDatabase.open(location);
  expect(await migrateDatabase(db, version)).toEqual(Array.from({ length: version }, (_, i) => i + 1));
  return db;
}

describe(`migrations (${testDialect()})`, () => {
  it('upgrade an existing version-1 database in place, keeping its data', async () => {
    const file = tmp.file('v1.sqlite');
    const db = await databaseAt(file, 1);
    expect(await schemaVersion(db)).toBe(1);
    // A firm's own data, written by the version-1 schema.
    await db.run(`INSERT INTO users (id, name, email, role, title, token_sha256) VALUES ('u-old', 'Olive Old', 'olive@firm.example', 'lawyer', '', ?)`,
      [createHash('sha256').update('old-token').digest('hex')]);
    await db.run(`INSERT INTO clients (id, name, industry, created_seq, seq) VALUES ('c-old', 'Oldfield Mills Ltd', 'Textiles', 1, 1)`);
    await db.run(`INSERT INTO mappings (client_id, system, kind, external_id, tenant) VALUES ('c-old', 'clio', 'contact', '7001', 'app.clio.com')`);
    await db.run(`INSERT INTO needs (id, client_id, title, detail, practice_area, identified_by_user_id, identified_by_name, identified_at, source_secondment_id, confidential, status, seq)
      VALUES ('n-old', 'c-old', 'Mill site remediation', '', 'Environment & ESG', 'u-old', 'Olive Old', '2024-05-01T09:00:00Z', NULL, 0, 'new', 2)`);
    await db.run(`INSERT INTO practice_areas (name, position) VALUES ('Environment & ESG', 0)`);
    await db.run(`UPDATE counter SET seq = 2`);
    await db.close();

    const server = await start(file); // seed: true, but the database is not empty
    try {
      expect(await schemaVersion(server.store.sql)).toBe(LATEST_SCHEMA_VERSION);
      expect((await server.store.getClient(DEMO_CLIENTS.northwind.id))).toBeNull(); // not seeded over existing data
      const api = client(server, 'old-token');
      const ctx = await ok(await api.get('/v1/clients/c-old/context'), ClientContext);
      expect(ctx.client.name).toBe('Oldfield Mills Ltd');
      expect(ctx.needs.map((n) => n.id)).toEqual(['n-old']);
      // The version-2 table works: a need with an Idempotency-Key.
      const created = await api.post('/v1/clients/c-old/needs', { title: 'Boiler permit', practiceArea: 'Environment & ESG' }, { 'Idempotency-Key': 'm-1' });
      const need = await ok(created, Need, 201);
      expect(need.id).not.toBe('n-old');
      expect((await server.store.countNeeds('c-old'))).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('version 8 learns from the audit trail which clients each user was answered about, so walls raised later reach them', async () => {
    const file = tmp.file('v7.sqlite');
    const db = await databaseAt(file, 7);
    const row = async (seq: number, at: string, user: string | null, clientId: string | null, status: number) =>
      db.run(`INSERT INTO audit (seq, at, user_id, action, client_id, target, status, request_id, prev_hash, hash) VALUES (?, ?, ?, 'context.view', ?, NULL, ?, NULL, 'p', 'h')`,
        [seq, at, user, clientId, status]);
    await row(1, '2026-01-01T00:00:00.000Z', 'u-a', 'c-1', 200);
    await row(2, '2026-02-01T00:00:00.000Z', 'u-a', 'c-1', 304);
    await row(3, '2026-02-02T00:00:00.000Z', 'u-a', 'c-2', 404); // refused: the user learnt nothing
    await row(4, '2026-02-03T00:00:00.000Z', 'u-b', 'c-2', 201);
    await row(5, '2026-02-04T00:00:00.000Z', null, 'c-3', 200);
    await row(6, '2026-02-05T00:00:00.000Z', 'u-b', null, 200);
    expect(await migrateDatabase(db)).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION - 7 }, (_, i) => i + 8));
    expect(await db.all(`SELECT user_id, client_id, at FROM disclosures ORDER BY user_id, client_id`)).toEqual([
      { user_id: 'u-a', client_id: 'c-1', at: '2026-02-01T00:00:00.000Z' },
      { user_id: 'u-b', client_id: 'c-2', at: '2026-02-03T00:00:00.000Z' },
    ]);
    await db.close();
  });

  it('audit retention prunes disclosures only past the longest cache age a firm can set', async () => {
    const store = await openStore(tmp.file('disclosures.sqlite'));
    const now = Date.parse('2027-06-01T00:00:00.000Z');
    const daysAgo = (d: number) => new Date(now - d * 24 * 3600_000).toISOString();
    for (const [clientId, days] of [['c-old', 400], ['c-last-year', 300], ['c-recent', 10]] as const) {
      await store.audit.append({ userId: 'u-a', action: 'context.view', clientId, status: 200, at: daysAgo(days) });
    }
    await store.audit.append({ userId: 'u-a', action: 'record.resolve', clientId: null, disclosed: ['c-match-1', 'c-match-2'], status: 200, at: daysAgo(5) });
    await store.audit.append({ userId: 'u-a', action: 'context.view', clientId: 'c-refused', status: 404, at: daysAgo(5) });
    const disclosed = async () => (await store.sql.all<{ client_id: string }>(`SELECT client_id FROM disclosures ORDER BY client_id`)).map((r) => r.client_id);
    expect(await disclosed()).toEqual(['c-last-year', 'c-match-1', 'c-match-2', 'c-old', 'c-recent']);
    // A 30-day retention prunes the audit rows, but a cache may hold a client up to 365 days.
    expect(await store.audit.prune(daysAgo(30), now)).toBe(2);
    expect(await disclosed()).toEqual(['c-last-year', 'c-match-1', 'c-match-2', 'c-recent']);
    await store.close();
  });

  it('audit rows appended at once are committed together, each chained and answered with its own row; a row the database refuses fails alone', async () => {
    const store = await openStore(tmp.file('group-commit.sqlite'));
    const record = (i: number) => ({ userId: `u-${i % 7}`, action: 'context.view' as const, clientId: `c-${i % 5}`, status: 200, requestId: `r-${i}` });
    const entries = await Promise.all(Array.from({ length: 60 }, (_, i) => store.audit.append(record(i))));
    expect(entries.map((e) => e.requestId)).toEqual(Array.from({ length: 60 }, (_, i) => `r-${i}`));
    expect(entries.map((e) => Number(e.id))).toEqual(Array.from({ length: 60 }, (_, i) => Number(entries[0]!.id) + i));
    expect(await store.audit.verify()).toMatchObject({ ok: true, rows: 60 });
    expect(await store.sql.value(`SELECT count(*) FROM disclosures`)).toBe(35); // every (user, client) pair seen, once

    // Appended in one tick, the second and third share a commit; the third's NOT NULL action fails.
    const first = store.audit.append(record(100));
    const second = store.audit.append(record(101));
    const refused = store.audit.append({ ...record(102), action: null as unknown as 'context.view' });
    const fourth = store.audit.append(record(103));
    await expect(refused).rejects.toThrow();
    expect((await Promise.all([first, second, fourth])).map((e) => e.requestId)).toEqual(['r-100', 'r-101', 'r-103']);
    expect((await store.audit.query({ afterSeq: Number(entries[59]!.id), limit: 10 })).map((r) => r.request_id)).toEqual(['r-100', 'r-101', 'r-103']);
    expect(await store.audit.verify()).toMatchObject({ ok: true, rows: 63 });
    await store.close();
  });

  it('opening an up-to-date database again applies nothing and keeps data', async () => {
    const file = tmp.file('again.sqlite');
    const a = await openStore(file);
    await seedDemoFirm(a, { today: '2025-03-01' });
    const counts = await a.counts();
    await a.close();
    const b = await openStore(file);
    expect(await migrateDatabase(b.sql)).toEqual([]);
    expect(await b.counts()).toEqual(counts);
    await b.close();
  });

  it('refuses a database from a newer server', async () => {
    const file = tmp.file('future.sqlite');
    const db = await databaseAt(file, LATEST_SCHEMA_VERSION);
    if (db.sqlite) db.sqlite.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    else await db.run(`UPDATE lens_schema SET version = ?`, [LATEST_SCHEMA_VERSION + 1]);
    await db.close();
    await expect(openStore(file)).rejects.toThrow(/newer/);
  });

  it('a failing migration leaves the previous version intact', async () => {
    const db = await databaseAt(tmp.file('failing.sqlite'), 1);
    await db.run('CREATE TABLE idempotency_keys (x INTEGER)'); // makes migration 2 fail
    await expect(migrateDatabase(db)).rejects.toThrow();
    expect(await schemaVersion(db)).toBe(1);
    await db.close();
  });
});

describe('the demo firm', () => {
  it('is deterministic for a given day', async () => {
    const dump = async (store: FirmStore) => {
      const clients = await store.searchClients('nobody', '', 50);
      return JSON.stringify(await store.counts()) + JSON.stringify(await Promise.all(clients.map((c) => store.clientData(c.id))));
    };
    const a = await openStore(':memory:');
    const b = await openStore(':memory:');
    await seedDemoFirm(a, { today: '2025-06-11' });
    await seedDemoFirm(b, { today: '2025-06-11' });
    expect(await dump(a)).toBe(await dump(b));
    await a.close();
    await b.close();
  });

  it('has the fixtures the end-to-end tests rely on, all valid by the contract', async () => {
    const store = await openStore(':memory:');
    const today = '2025-06-11';
    await seedDemoFirm(store, { today });
    expect((await store.counts()).clients).toBeGreaterThanOrEqual(25);
    expect((await store.counts()).secondments).toBe(DEMO_SECONDMENT_COUNT);
    expect((await store.counts()).needs).toBe(DEMO_NEED_COUNT);

    const all = (await store.searchClients('nobody', '', 200));
    for (const c of all) {
      Client.parse(c);
      const data = (await store.clientData(c.id))!;
      data.secondments.forEach((s) => Secondment.parse(s));
      data.needs.forEach((n) => Need.parse(n));
    }
    const nw = (await store.clientData(DEMO_CLIENTS.northwind.id))!;
    expect(nw.client.externalIds).toEqual(expect.arrayContaining(Object.values(DEMO_RECORDS).filter((r) => r.externalId === '1001' || r.externalId === '5001' || r.externalId.startsWith('001Dn') || r.externalId === '12345001')));
    expect(nw.secondments.filter((s) => s.status === 'active')).toHaveLength(2);
    const sam = nw.secondments.find((s) => s.person.userId === DEMO_USERS.secondee.id && s.status === 'active');
    expect(sam?.direction).toBe('outbound');
    expect(nw.secondments.filter((s) => s.direction === 'reverse' && s.status === 'active')).toHaveLength(1);
    expect(nw.needs.length).toBeGreaterThanOrEqual(5);
    expect(nw.candidateFlag?.flaggedBy.userId).toBe(DEMO_USERS.bd.id);
    expect((await store.getFlag(DEMO_CLIENTS.meridian.id))).toBeNull();

    // Every secondment status and direction, completed ones reviewed, some active check-ins overdue.
    const secondments = (await Promise.all(all.map((c) => store.listSecondments(c.id)))).flat();
    expect(new Set(secondments.map((s) => s.status))).toEqual(new Set(['planned', 'active', 'completed', 'ended-early']));
    expect(secondments.filter((s) => s.status === 'completed').every((s) => s.review && s.actualEnd)).toBe(true);
    const active = secondments.filter((s) => s.status === 'active');
    expect(active.some((s) => s.checkIns.nextDue! < today)).toBe(true);
    expect(active.some((s) => s.checkIns.nextDue! >= today)).toBe(true);
    expect(new Set((await Promise.all(all.map((c) => store.listNeeds(c.id)))).flat().map((n) => n.status)).size).toBe(5);

    // Clio contacts: 1001–1003 fixed, every other client one in 1004–1099; 1003 ambiguous, 1999 unmapped.
    for (const c of all) {
      if (([DEMO_CLIENTS.northwind.id, DEMO_CLIENTS.harbor.id, DEMO_CLIENTS.aldgate.id, DEMO_CLIENTS.aldgateHoldings.id] as string[]).includes(c.id)) continue;
      const contacts = c.externalIds.filter((r) => r.system === 'clio' && r.kind === 'contact').map((r) => Number(r.externalId));
      expect(contacts.length).toBe(1);
      expect(contacts[0]).toBeGreaterThanOrEqual(1004);
      expect(contacts[0]).toBeLessThanOrEqual(1099);
    }
    expect((await store.resolve(DEMO_USERS.partner.id, DEMO_RECORDS.aldgateClioContact))).toHaveLength(2);
    expect((await store.resolve(DEMO_USERS.partner.id, { system: 'clio', kind: 'contact', externalId: '1999', tenant: CLIO_TENANT }))).toEqual([]);
    for (const w of DEMO_WALLS) expect((await store.isWalled(w.userId, w.clientId))).toBe(true);
    expect((await store.userByToken(DEMO_TOKENS.bd))?.role).toBe('bd');
    // Tokens are stored as digests only.
    const raw = await store.sql.column<string>('SELECT token_sha256 FROM tokens');
    expect(raw.some((t) => Object.values(DEMO_TOKENS).includes(t as never))).toBe(false);
    (await store.close());
  });

  it('startServer with an in-memory database and seed: false starts empty', async () => {
    const server = await start(':memory:', { seed: false });
    try {
      expect((await server.store.counts())).toEqual({ clients: 0, secondments: 0, needs: 0, flags: 0 });
      expect((await server.store.isEmpty())).toBe(true);
      const res = await fetch(`${server.url}/v1/me`, { headers: { Authorization: `Bearer ${DEMO_TOKENS.partner}` } });
      expect(res.status).toBe(401);
    } finally {
      await server.close();
    }
  });
});
