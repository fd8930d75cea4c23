import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, ClientContext, Need, Secondment } from '../../lib/contract';
import { seedDemoFirm, DEMO_NEED_COUNT, DEMO_SECONDMENT_COUNT } from '../../server/demo/seed';
import { CLIO_TENANT, DEMO_CLIENTS, DEMO_RECORDS, DEMO_TOKENS, DEMO_USERS, DEMO_WALLS } from '../../server/demo/demo-ids';
import { FirmStore } from '../../server/store/firm-store';
import { LATEST_SCHEMA_VERSION, migrate } from '../../server/store/migrations';
import { client, ok, start, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('migrations', () => {
  it('upgrade an existing version-1 database in place, keeping its data', async () => {
    const file = tmp.file('v1.sqlite');
    const db = new Database(file);
    expect(migrate(db, 1)).toEqual([1]);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    // A firm's own data, written by the version-1 schema.
    db.prepare(`INSERT INTO users (id, name, email, role, title, token_sha256) VALUES ('u-old', 'Olive Old', 'olive@firm.example', 'lawyer', '', ?)`)
      .run(createHash('sha256').update('old-token').digest('hex'));
    db.prepare(`INSERT INTO clients (id, name, industry, created_seq, seq) VALUES ('c-old', 'Oldfield Mills Ltd', 'Textiles', 1, 1)`).run();
    db.prepare(`INSERT INTO mappings (client_id, system, kind, external_id, tenant) VALUES ('c-old', 'clio', 'contact', '7001', 'app.clio.com')`).run();
    db.prepare(`INSERT INTO needs (id, client_id, title, detail, practice_area, identified_by_user_id, identified_by_name, identified_at, source_secondment_id, confidential, status, seq)
      VALUES ('n-old', 'c-old', 'Mill site remediation', '', 'Environment & ESG', 'u-old', 'Olive Old', '2024-05-01T09:00:00Z', NULL, 0, 'new', 2)`).run();
    db.prepare(`INSERT INTO practice_areas (name, position) VALUES ('Environment & ESG', 0)`).run();
    db.prepare(`UPDATE counter SET seq = 2`).run();
    db.close();

    const server = await start(file); // seed: true, but the database is not empty
    try {
      expect(server.store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(server.store.getClient(DEMO_CLIENTS.northwind.id)).toBeNull(); // not seeded over existing data
      const api = client(server, 'old-token');
      const ctx = await ok(await api.get('/v1/clients/c-old/context'), ClientContext);
      expect(ctx.client.name).toBe('Oldfield Mills Ltd');
      expect(ctx.needs.map((n) => n.id)).toEqual(['n-old']);
      // The version-2 table works: a need with an Idempotency-Key.
      const created = await api.post('/v1/clients/c-old/needs', { title: 'Boiler permit', practiceArea: 'Environment & ESG' }, { 'Idempotency-Key': 'm-1' });
      const need = await ok(created, Need, 201);
      expect(need.id).not.toBe('n-old');
      expect(server.store.countNeeds('c-old')).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('opening an up-to-date database again applies nothing and keeps data', () => {
    const file = tmp.file('again.sqlite');
    const a = new FirmStore(file);
    seedDemoFirm(a, { today: '2025-03-01' });
    const counts = a.counts();
    a.close();
    const b = new FirmStore(file);
    expect(migrate(b.db)).toEqual([]);
    expect(b.counts()).toEqual(counts);
    b.close();
  });

  it('refuses a database from a newer server', () => {
    const file = tmp.file('future.sqlite');
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new FirmStore(file)).toThrow(/newer/);
  });

  it('a failing migration leaves the previous version intact', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.exec('CREATE TABLE idempotency_keys (x INTEGER)'); // makes migration 2 fail
    expect(() => migrate(db)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });
});

describe('the demo firm', () => {
  it('is deterministic for a given day', () => {
    const dump = (store: FirmStore) => JSON.stringify(store.counts()) + JSON.stringify(
      store.searchClients('nobody', '', 50).map((c) => store.clientData(c.id)),
    );
    const a = new FirmStore(':memory:');
    const b = new FirmStore(':memory:');
    seedDemoFirm(a, { today: '2025-06-11' });
    seedDemoFirm(b, { today: '2025-06-11' });
    expect(dump(a)).toBe(dump(b));
    a.close();
    b.close();
  });

  it('has the fixtures the end-to-end tests rely on, all valid by the contract', () => {
    const store = new FirmStore(':memory:');
    const today = '2025-06-11';
    seedDemoFirm(store, { today });
    expect(store.counts().clients).toBeGreaterThanOrEqual(25);
    expect(store.counts().secondments).toBe(DEMO_SECONDMENT_COUNT);
    expect(store.counts().needs).toBe(DEMO_NEED_COUNT);

    const all = store.searchClients('nobody', '', 200);
    for (const c of all) {
      Client.parse(c);
      const data = store.clientData(c.id)!;
      data.secondments.forEach((s) => Secondment.parse(s));
      data.needs.forEach((n) => Need.parse(n));
    }
    const nw = store.clientData(DEMO_CLIENTS.northwind.id)!;
    expect(nw.client.externalIds).toEqual(expect.arrayContaining(Object.values(DEMO_RECORDS).filter((r) => r.externalId === '1001' || r.externalId === '5001' || r.externalId.startsWith('001Dn') || r.externalId === '12345001')));
    expect(nw.secondments.filter((s) => s.status === 'active')).toHaveLength(2);
    const sam = nw.secondments.find((s) => s.person.userId === DEMO_USERS.secondee.id && s.status === 'active');
    expect(sam?.direction).toBe('outbound');
    expect(nw.secondments.filter((s) => s.direction === 'reverse' && s.status === 'active')).toHaveLength(1);
    expect(nw.needs.length).toBeGreaterThanOrEqual(5);
    expect(nw.candidateFlag?.flaggedBy.userId).toBe(DEMO_USERS.bd.id);
    expect(store.getFlag(DEMO_CLIENTS.meridian.id)).toBeNull();

    // Every secondment status and direction, completed ones reviewed, some active check-ins overdue.
    const secondments = all.flatMap((c) => store.listSecondments(c.id));
    expect(new Set(secondments.map((s) => s.status))).toEqual(new Set(['planned', 'active', 'completed', 'ended-early']));
    expect(secondments.filter((s) => s.status === 'completed').every((s) => s.review && s.actualEnd)).toBe(true);
    const active = secondments.filter((s) => s.status === 'active');
    expect(active.some((s) => s.checkIns.nextDue! < today)).toBe(true);
    expect(active.some((s) => s.checkIns.nextDue! >= today)).toBe(true);
    expect(new Set(all.flatMap((c) => store.listNeeds(c.id)).map((n) => n.status)).size).toBe(5);

    // Clio contacts: 1001–1003 fixed, every other client one in 1004–1099; 1003 ambiguous, 1999 unmapped.
    for (const c of all) {
      if (([DEMO_CLIENTS.northwind.id, DEMO_CLIENTS.harbor.id, DEMO_CLIENTS.aldgate.id, DEMO_CLIENTS.aldgateHoldings.id] as string[]).includes(c.id)) continue;
      const contacts = c.externalIds.filter((r) => r.system === 'clio' && r.kind === 'contact').map((r) => Number(r.externalId));
      expect(contacts.length).toBe(1);
      expect(contacts[0]).toBeGreaterThanOrEqual(1004);
      expect(contacts[0]).toBeLessThanOrEqual(1099);
    }
    expect(store.resolve(DEMO_USERS.partner.id, DEMO_RECORDS.aldgateClioContact)).toHaveLength(2);
    expect(store.resolve(DEMO_USERS.partner.id, { system: 'clio', kind: 'contact', externalId: '1999', tenant: CLIO_TENANT })).toEqual([]);
    for (const w of DEMO_WALLS) expect(store.isWalled(w.userId, w.clientId)).toBe(true);
    expect(store.userByToken(DEMO_TOKENS.bd)?.role).toBe('bd');
    // Tokens are stored as digests only.
    const raw = store.db.prepare('SELECT token_sha256 FROM tokens').pluck().all() as string[];
    expect(raw.some((t) => Object.values(DEMO_TOKENS).includes(t as never))).toBe(false);
    store.close();
  });

  it('startServer with an in-memory database and seed: false starts empty', async () => {
    const server = await start(':memory:', { seed: false });
    try {
      expect(server.store.counts()).toEqual({ clients: 0, secondments: 0, needs: 0, flags: 0 });
      expect(server.store.isEmpty()).toBe(true);
      const res = await fetch(`${server.url}/v1/me`, { headers: { Authorization: `Bearer ${DEMO_TOKENS.partner}` } });
      expect(res.status).toBe(401);
    } finally {
      await server.close();
    }
  });
});
