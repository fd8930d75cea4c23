/**
 * What a risk team signs off (issue: endpoint trust): the audit trail, walls that leak nothing,
 * governed links, versioned flags, replay before re-validation, rate limits, demo data on request.
 * Real HTTP on loopback against a real SQLite file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditPage, CandidateFlag, ChangesPage, ClientContext, MAPPINGS_PER_CLIENT_MAX, MappingList, Need, Problem,
} from '../../lib/contract';
import { runAdmin } from '../../server/admin/cli';
import { DEMO_CLIENTS, DEMO_TOKENS, DEMO_USERS } from '../../server/demo/demo-ids';
import { RateLimiter } from '../../server/rate-limit';
import type { RunningServer } from '../../server/start-server';
import { SqlDatabase } from '../../server/store/database';
import { client, collect, ifMatchFlag, ok, problem, start, tempDir, wholeFeed } from './helpers';

const tmp = tempDir();
let server: RunningServer;
let dbFile: string;
const partner = () => client(server, DEMO_TOKENS.partner);
const secondee = () => client(server, DEMO_TOKENS.secondee);
const bd = () => client(server, DEMO_TOKENS.bd);
const risk = () => client(server, DEMO_TOKENS.risk);

beforeAll(async () => {
  dbFile = tmp.file();
  server = await start(dbFile);
});
afterAll(async () => {
  await server.close();
  tmp.remove();
});

async function auditOf(query: Record<string, string>) {
  return ok(await risk().get(`/v1/audit?${new URLSearchParams(query)}`), AuditPage);
}

/** Runs the admin command on a database file; returns its exit status and what it printed. */
async function admin(file: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runAdmin(argv, { dbPath: file, io: { out: (l) => out.push(l), err: (l) => err.push(l) } });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

describe('the audit trail', () => {
  it('records a context view with the user and the client, readable by the risk role only', async () => {
    const since = new Date().toISOString();
    await ok(await partner().get(`/v1/clients/${DEMO_CLIENTS.harbor.id}/context`), ClientContext);
    const page = await auditOf({ clientId: DEMO_CLIENTS.harbor.id, since });
    const view = page.entries.find((e) => e.action === 'context.view');
    expect(view).toMatchObject({ userId: DEMO_USERS.partner.id, clientId: DEMO_CLIENTS.harbor.id, status: 200 });
    expect(view!.requestId).toMatch(/^[0-9a-f-]{36}$/);

    for (const other of [partner(), bd(), secondee()]) await problem(await other.get('/v1/audit'), 403);
    // Reading the trail is itself recorded.
    const reads = await auditOf({ action: 'audit.read', userId: DEMO_USERS.risk.id });
    expect(reads.entries.length).toBeGreaterThan(0);
  });

  it('records a refusal behind a wall as access.refused with the client, and failed sign-ins', async () => {
    const since = new Date().toISOString();
    await problem(await secondee().get(`/v1/clients/${DEMO_CLIENTS.harbor.id}/context`), 404);
    await problem(await client(server, 'not-a-real-token').get(`/v1/clients/${DEMO_CLIENTS.northwind.id}/context`), 401);
    const refused = await auditOf({ action: 'access.refused', since });
    expect(refused.entries).toContainEqual(expect.objectContaining({ userId: DEMO_USERS.secondee.id, clientId: DEMO_CLIENTS.harbor.id, target: 'context.view', status: 404 }));
    const failed = await auditOf({ action: 'signin.failed', since });
    expect(failed.entries).toContainEqual(expect.objectContaining({ userId: null, status: 401 }));
  });

  it('pages oldest first with a cursor, and validates its query', async () => {
    for (let i = 0; i < 3; i++) await partner().get(`/v1/clients/${DEMO_CLIENTS.meridian.id}/context`);
    const first = await auditOf({ clientId: DEMO_CLIENTS.meridian.id, limit: '2' });
    expect(first.entries).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    const second = await auditOf({ clientId: DEMO_CLIENTS.meridian.id, limit: '2', cursor: first.nextCursor! });
    expect(Number(second.entries[0]!.id)).toBeGreaterThan(Number(first.entries[1]!.id));
    await problem(await risk().get('/v1/audit?action=coffee'), 400);
    await problem(await risk().get('/v1/audit?since=yesterday'), 400);
  });

  it('refuses UPDATE and DELETE in the database itself', async () => {
    const db = SqlDatabase.open(dbFile);
    try {
      await expect(db.run(`UPDATE audit SET user_id = 'u-nobody'`)).rejects.toThrow(/append-only/);
      await expect(db.run(`DELETE FROM audit`)).rejects.toThrow(/append-only/);
    } finally {
      await db.close();
    }
  });

  it('audit verify passes an intact chain and names the first row changed behind the application\'s back', async () => {
    const file = tmp.file('tamper.sqlite');
    const s = await start(file);
    try {
      for (let i = 0; i < 5; i++) await client(s, DEMO_TOKENS.partner).get(`/v1/clients/${DEMO_CLIENTS.northwind.id}/context`);
    } finally {
      await s.close();
    }
    const intact = await admin(file, 'audit', 'verify');
    expect(intact.status).toBe(0);
    expect(intact.out).toMatch(/intact: 5 row\(s\)/);

    // Someone with the database file drops the trigger and rewrites row 3.
    const db = SqlDatabase.open(file);
    await db.run(db.dialect === 'sqlite' ? 'DROP TRIGGER audit_no_update' : 'DROP TRIGGER audit_no_update ON audit');
    await db.run(`UPDATE audit SET user_id = 'u-bd' WHERE seq = 3`);
    await db.close();
    const broken = await admin(file, 'audit', 'verify');
    expect(broken.status).toBe(1);
    expect(broken.err).toMatch(/BROKEN at row 3/);
  });

  it('retention prunes old rows and the rest still verifies; export writes CSV and JSON lines', async () => {
    const file = tmp.file('retention.sqlite');
    const s = await start(file, { seed: false });
    const old = new Date(Date.now() - 40 * 24 * 3600_000).toISOString();
    for (let i = 0; i < 3; i++) (await s.store.audit.append({ userId: 'u-x', action: 'context.view', clientId: 'c-a', status: 200, at: old }));
    (await s.store.audit.append({ userId: 'u-x', action: 'context.view', clientId: 'c-b', target: '=HYPERLINK("x")', status: 200 }));
    await s.close();

    const pruned = await admin(file, 'audit', 'prune', '--older-than-days', '30');
    expect(pruned.out).toMatch(/^3 row\(s\)/);
    expect((await admin(file, 'audit', 'verify')).status).toBe(0);

    const csv = await admin(file, 'audit', 'export', '--since', '2000-01-01', '--format', 'csv');
    const lines = csv.out.split('\n');
    expect(lines[0]).toBe('id,at,userId,action,clientId,target,status,requestId,prevHash,hash');
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""x"")"`))).toBe(true); // no formula for a spreadsheet to run
    const jsonl = await admin(file, 'audit', 'export', '--since', '2000-01-01', '--format', 'jsonl');
    expect(jsonl.out.split('\n').map((l) => JSON.parse(l).action)).toContain('admin.command');
    expect((await admin(file, 'audit', 'export', '--format', 'xml', '--since', '2000-01-01')).status).toBe(2);
  });
});

describe('walls and ids that leak nothing', () => {
  const harbor = DEMO_CLIENTS.harbor.id;
  const missing = 'c-no-such-client';
  const withoutInstance = async (res: Response) => {
    const body = await res.json() as Problem;
    return { status: res.status, contentType: res.headers.get('content-type'), body: { ...body, instance: undefined } };
  };

  it('a walled id and a missing id answer byte-identically apart from instance, on every client route', async () => {
    const key = () => ({ 'Idempotency-Key': crypto.randomUUID() });
    const routes: Array<[string, (id: string) => Promise<Response>]> = [
      ['context', (id) => secondee().get(`/v1/clients/${id}/context`)],
      ['mappings list', (id) => secondee().get(`/v1/clients/${id}/mappings`)],
      ['need', (id) => secondee().post(`/v1/clients/${id}/needs`, { title: 'T', practiceArea: 'Tax' }, key())],
      ['mapping', (id) => secondee().post('/v1/mappings', { clientId: id, record: { system: 'clio', kind: 'contact', externalId: '777', tenant: 'app.clio.com' } })],
    ];
    for (const [name, call] of routes) {
      const walled = await withoutInstance(await call(harbor));
      const absent = await withoutInstance(await call(missing));
      expect(walled.status, name).toBe(404);
      expect(JSON.stringify(walled), name).toBe(JSON.stringify(absent));
    }
    // BD behind a wall: the flag routes too.
    (await server.store.raiseWall(DEMO_USERS.bd.id, DEMO_CLIENTS.aldgate.id));
    try {
      const put = (id: string) => bd().put(`/v1/clients/${id}/candidate-flag`, { reason: 'r', priority: 'low' });
      expect(JSON.stringify(await withoutInstance(await put(DEMO_CLIENTS.aldgate.id)))).toBe(JSON.stringify(await withoutInstance(await put(missing))));
      const del = (id: string) => bd().delete(`/v1/clients/${id}/candidate-flag`);
      expect(JSON.stringify(await withoutInstance(await del(DEMO_CLIENTS.aldgate.id)))).toBe(JSON.stringify(await withoutInstance(await del(missing))));
    } finally {
      (await server.store.liftWall(DEMO_USERS.bd.id, DEMO_CLIENTS.aldgate.id));
    }
  });

  it('a record linked to a client hidden from the user cannot be linked again by them, and the refusal names nothing', async () => {
    const harborRecord = (await server.store.getClient(harbor))!.externalIds[0]!;
    const res = await secondee().post('/v1/mappings', { clientId: DEMO_CLIENTS.meridian.id, record: harborRecord });
    const body = await problem(res, 422);
    expect(JSON.stringify(body)).not.toMatch(/harbor|biotech/i);
    expect((await server.store.clientsLinkedTo(harborRecord))).toEqual([harbor]);
  });

  it('the feed cursor does not move for writes the user may not see', async () => {
    const drainCursor = async (api: ReturnType<typeof client>, since = '0') => {
      let cursor = since;
      for (let i = 0; i < 100; i++) {
        const page = await ok(await api.get(`/v1/changes?since=${cursor}&limit=5000`), ChangesPage);
        cursor = page.nextCursor;
        if (!page.hasMore) return cursor;
      }
      throw new Error('feed did not end');
    };
    const cursor = await drainCursor(secondee());
    // Writes about Harbor (walled for the secondee) by others.
    expect((await partner().post(`/v1/clients/${harbor}/needs`, { title: 'Hidden from Sam', practiceArea: 'Tax' }, { 'Idempotency-Key': crypto.randomUUID() })).status).toBe(201);
    expect((await bd().put(`/v1/clients/${harbor}/candidate-flag`, { reason: 'r', priority: 'low' })).status).toBe(200);
    const after = await ok(await secondee().get(`/v1/changes?since=${cursor}`), ChangesPage);
    expect(after).toEqual({ changes: [], nextCursor: cursor, hasMore: false });
  });

  it('new clients and users get opaque ids, never their names', async () => {
    const { user } = (await server.store.users.create({ name: 'X', email: `x-${Date.now()}@firm.example`, role: 'lawyer' }));
    expect(user.id).toMatch(/^u-[0-9a-f-]{36}$/);
    const file = tmp.file('opaque.sqlite');
    (await start(file, { seed: false })).close();
    const csv = join(tmp.dir, 'crm.csv');
    writeFileSync(csv, 'Client Name,Industry\nQuill & Barrow Ltd,Publishing\n');
    expect((await admin(file, 'import', 'clients', csv)).status).toBe(0);
    const db = SqlDatabase.open(file);
    try {
      const ids = await db.column<string>('SELECT id FROM clients');
      expect(ids).toHaveLength(1);
      expect(ids[0]).toMatch(/^c-[0-9a-f-]{36}$/);
    } finally {
      await db.close();
    }
  });
});

describe('governed links', () => {
  const record = (n: number) => ({ system: 'generic', kind: 'client', externalId: `gov-${n}`, tenant: 'intranet.firm.example' }) as const;

  it('records who linked a record and when; the creator or risk may remove it, nobody else', async () => {
    const created = await partner().post('/v1/mappings', { clientId: DEMO_CLIENTS.meridian.id, record: record(1) });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    expect(location).toMatch(/^\/v1\/mappings\/m-/);
    const { mappings } = await ok(await partner().get(`/v1/clients/${DEMO_CLIENTS.meridian.id}/mappings`), MappingList);
    const link = mappings.find((m) => m.record.externalId === 'gov-1')!;
    expect(link.createdBy).toEqual({ userId: DEMO_USERS.partner.id, name: DEMO_USERS.partner.name });
    expect(Date.parse(link.createdAt!)).toBeGreaterThan(Date.now() - 60_000);

    await problem(await bd().delete(location), 403);
    await problem(await secondee().delete('/v1/mappings/m-nope'), 404);
    expect((await partner().delete(location)).status).toBe(204);
    await problem(await partner().delete(location), 404);

    expect((await secondee().post('/v1/mappings', { clientId: DEMO_CLIENTS.meridian.id, record: record(2) })).status).toBe(201);
    const second = (await server.store.listMappings(DEMO_CLIENTS.meridian.id)).find((m) => m.record.externalId === 'gov-2')!;
    expect((await risk().delete(`/v1/mappings/${second.id}`)).status).toBe(204);
    const trail = await auditOf({ action: 'mapping.delete', clientId: DEMO_CLIENTS.meridian.id });
    expect(trail.entries.map((e) => [e.userId, e.status])).toEqual(expect.arrayContaining([[DEMO_USERS.partner.id, 204], [DEMO_USERS.risk.id, 204], [DEMO_USERS.bd.id, 403]]));
  });

  it('the 501st link is refused with 422, and every user\'s book still syncs', async () => {
    const target = DEMO_CLIENTS.aldgateHoldings.id;
    const existing = (await server.store.countMappings(target));
    await server.store.transaction(async () => {
      for (let i = existing; i < MAPPINGS_PER_CLIENT_MAX; i++) (await server.store.addMapping(target, record(10_000 + i), { id: DEMO_USERS.partner.id, name: 'Eleanor Marsh' }));
    });
    expect((await server.store.countMappings(target))).toBe(MAPPINGS_PER_CLIENT_MAX);
    const refused = await problem(await partner().post('/v1/mappings', { clientId: target, record: record(99_999) }), 422);
    expect(refused.detail).toMatch(/500 linked records/);
    // Re-linking an existing record is still the harmless 200.
    expect((await partner().post('/v1/mappings', { clientId: target, record: record(10_000 + existing) })).status).toBe(200);

    const ctx = await ok(await partner().get(`/v1/clients/${target}/context`), ClientContext);
    expect(ctx.client.externalIds).toHaveLength(MAPPINGS_PER_CLIENT_MAX);
    let cursor = '0';
    let seen = false;
    for (let i = 0; i < 100; i++) {
      const page = await ok(await bd().get(`/v1/changes?since=${cursor}&limit=5000`), ChangesPage);
      seen ||= page.changes.some((c) => c.type === 'client.upsert' && c.client.id === target);
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(seen).toBe(true);
  });

  it('a row that fails the contract is left out of the feed, reported once, and never stops the page', async () => {
    const broken = (await server.store.listNeeds(DEMO_CLIENTS.meridian.id))[0]!;
    // Data loaded around the API: a practice area the contract refuses (an empty string).
    await server.store.sql.run(`UPDATE needs SET practice_area = '', seq = (SELECT seq + 1 FROM counter) WHERE id = ?`, [broken.id]);
    await server.store.sql.run(`UPDATE counter SET seq = seq + 1`);
    const since = new Date().toISOString();
    for (const api of [partner(), bd()]) {
      let cursor = '0';
      let total = 0;
      for (let i = 0; i < 100; i++) {
        const res = await api.get(`/v1/changes?since=${cursor}&limit=5000`);
        const page = await ok(res, ChangesPage); // the whole page satisfies the contract
        total += page.changes.length;
        expect(page.changes.some((c) => c.type === 'need.upsert' && c.need.id === broken.id)).toBe(false);
        cursor = page.nextCursor;
        if (!page.hasMore) break;
      }
      expect(total).toBeGreaterThan(100);
    }
    const skipped = await auditOf({ action: 'feed.skipped', since });
    expect(skipped.entries).toHaveLength(1);
    expect(skipped.entries[0]!.target).toMatch(/^need at \d+: need\.practiceArea/);
  });

  it('a row changed around the API after the feed sent it, keeping its number, is checked again, not sent as it passed before', async () => {
    const need = (await server.store.listNeeds(DEMO_CLIENTS.northwind.id))[0]!;
    const sent = (changes: ChangesPage['changes']) => changes.some((c) => c.type === 'need.upsert' && c.need.id === need.id);
    expect(sent(await wholeFeed(bd()))).toBe(true); // the endpoint has now seen this row's text pass
    await server.store.sql.run(`UPDATE needs SET practice_area = '' WHERE id = ?`, [need.id]); // same seq
    try {
      const since = new Date().toISOString();
      expect(sent(await wholeFeed(bd()))).toBe(false);
      const skipped = await auditOf({ action: 'feed.skipped', since });
      expect(skipped.entries.map((e) => e.target)).toEqual([expect.stringMatching(/^need at \d+: need\.practiceArea/)]);
    } finally {
      await server.store.sql.run(`UPDATE needs SET practice_area = ? WHERE id = ?`, [need.practiceArea, need.id]);
    }
  });

  it('keys the contract does not know, stored in a JSON column around the API, are never sent: not the first time, not later', async () => {
    const need = (await server.store.listNeeds(DEMO_CLIENTS.northwind.id))[1]!;
    await server.store.sql.run(`UPDATE needs SET matter_json = ?, seq = (SELECT seq + 1 FROM counter) WHERE id = ?`,
      [JSON.stringify({ system: 'clio', kind: 'matter', externalId: 'M-7', tenant: null, billingPartnerHomeAddress: '1 Secret Lane' }), need.id]);
    await server.store.sql.run(`UPDATE counter SET seq = seq + 1`);
    try {
      for (let feed = 0; feed < 2; feed++) {
        const res = await bd().get(`/v1/changes?since=0&limit=5000`);
        const text = await res.clone().text();
        expect(text).toContain('M-7');
        expect(text).not.toContain('Secret Lane');
      }
    } finally {
      await server.store.sql.run(`UPDATE needs SET matter_json = ? WHERE id = ?`, [need.matter ? JSON.stringify(need.matter) : null, need.id]);
    }
  });

  it('a secondment whose stored JSON cannot be read is left out and reported; the page goes on', async () => {
    const placement = (await server.store.listSecondments(DEMO_CLIENTS.meridian.id))[0]!;
    await server.store.sql.run(`UPDATE secondments SET objectives_json = '[{"text":', seq = (SELECT seq + 1 FROM counter) WHERE id = ?`, [placement.id]);
    await server.store.sql.run(`UPDATE counter SET seq = seq + 1`);
    try {
      const since = new Date().toISOString();
      const changes = await wholeFeed(partner());
      expect(changes.some((c) => c.type === 'secondment.upsert' && c.secondment.id === placement.id)).toBe(false);
      expect(changes.filter((c) => c.type === 'secondment.upsert').length).toBeGreaterThan(0);
      const skipped = await auditOf({ action: 'feed.skipped', since });
      expect(skipped.entries.map((e) => e.target)).toEqual([expect.stringMatching(/^secondment at \d+: secondment/)]);
    } finally {
      await server.store.sql.run(`UPDATE secondments SET objectives_json = ? WHERE id = ?`, [JSON.stringify(placement.objectives), placement.id]);
    }
  });
});

describe('writes that cannot overwrite each other', () => {
  const meridianFlag = `/v1/clients/${DEMO_CLIENTS.meridian.id}/candidate-flag`;

  it('a flag write needs If-Match once a flag exists: 428 without, 412 with the current flag when stale', async () => {
    if ((await server.store.getFlag(DEMO_CLIENTS.meridian.id))) (await server.store.clearFlag(DEMO_CLIENTS.meridian.id));
    const first = await ok(await bd().put(meridianFlag, { reason: 'Panel review', priority: 'low' }), CandidateFlag);
    expect(first.version).toBeTruthy();

    const missing = await problem(await bd().put(meridianFlag, { reason: 'Mine', priority: 'high' }), 428);
    expect(missing.currentFlag).toEqual(first);

    const seen = (await ifMatchFlag(server, DEMO_CLIENTS.meridian.id));
    const second = await bd().put(meridianFlag, { reason: 'Newer change by a colleague', priority: 'medium' }, seen);
    expect(second.status).toBe(200);
    expect(second.headers.get('etag')).toBe(`"${(await second.clone().json() as CandidateFlag).version}"`);

    // An offline write replayed later with the version it saw is refused and told what is there now.
    const stale = await problem(await bd().put(meridianFlag, { reason: 'Old offline edit', priority: 'high' }, seen), 412);
    expect(stale.currentFlag).toMatchObject({ reason: 'Newer change by a colleague', priority: 'medium', flaggedBy: { name: DEMO_USERS.bd.name } });
    await problem(await bd().delete(meridianFlag, seen), 412);
    await problem(await bd().delete(meridianFlag), 428);
    expect((await server.store.getFlag(DEMO_CLIENTS.meridian.id))?.reason).toBe('Newer change by a colleague');

    expect((await bd().delete(meridianFlag, { 'If-Match': '*' })).status).toBe(204);
    // A version for a flag someone cleared: setting it again would undo their clear.
    await problem(await bd().put(meridianFlag, { reason: 'Again', priority: 'low' }, seen), 412);
    // Clearing what is already gone overwrites nobody: done.
    expect((await bd().delete(meridianFlag, seen)).status).toBe(204);
  });

  it('a flag write retried with its Idempotency-Key gets the first answer, not a 412 from its own change', async () => {
    const key = { 'Idempotency-Key': crypto.randomUUID() };
    const first = await bd().put(meridianFlag, { reason: 'Retry me', priority: 'low' }, key);
    expect(first.status).toBe(200);
    const replay = await bd().put(meridianFlag, { reason: 'Retry me', priority: 'low' }, key);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(await first.json());

    const clearKey = { 'Idempotency-Key': crypto.randomUUID(), ...(await ifMatchFlag(server, DEMO_CLIENTS.meridian.id)) };
    expect((await bd().delete(meridianFlag, clearKey)).status).toBe(204);
    const clearReplay = await bd().delete(meridianFlag, clearKey);
    expect(clearReplay.status).toBe(204);
    expect(clearReplay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('a replayed need after a wall went up gets the original 201, and no second need exists', async () => {
    const target = DEMO_CLIENTS.aldgate.id;
    const key = { 'Idempotency-Key': crypto.randomUUID() };
    const body = { title: 'Fund wind-down advice', practiceArea: 'Finance' };
    const first = await secondee().post(`/v1/clients/${target}/needs`, body, key);
    const created = await ok(first, Need, 201);
    const count = (await server.store.countNeeds(target));

    (await server.store.raiseWall(DEMO_USERS.secondee.id, target));
    try {
      const replay = await secondee().post(`/v1/clients/${target}/needs`, body, key);
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(await replay.json()).toEqual(created);
      expect((await server.store.countNeeds(target))).toBe(count);
      // A new key is refused like a missing client.
      await problem(await secondee().post(`/v1/clients/${target}/needs`, body, { 'Idempotency-Key': crypto.randomUUID() }), 404);
    } finally {
      (await server.store.liftWall(DEMO_USERS.secondee.id, target));
    }
  });
});

describe('rate limits', () => {
  it('a user past their budget gets 429 with Retry-After; other users are unaffected', async () => {
    const file = tmp.file('limits.sqlite');
    const s = await start(file, { limits: { user: new RateLimiter(5), address: new RateLimiter(1000) } });
    try {
      const p = client(s, DEMO_TOKENS.partner);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await p.get('/v1/me')).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      const limited = await p.get('/v1/me');
      const body = await problem(limited, 429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(body.detail).toMatch(/Too many requests/);
      expect((await client(s, DEMO_TOKENS.bd).get('/v1/me')).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('an address past its budget gets 429 before any token is checked', async () => {
    const s = await start(tmp.file('address.sqlite'), { limits: { user: new RateLimiter(1000), address: new RateLimiter(3) } });
    try {
      const guesser = client(s, 'guess');
      for (let i = 0; i < 3; i++) expect((await guesser.get('/v1/me')).status).toBe(401);
      await problem(await guesser.get('/v1/me'), 429);
    } finally {
      await s.close();
    }
  });

  it('LENS_RATE_LIMIT is validated', async () => {
    const { rateLimitsFromEnv } = await import('../../server/rate-limit');
    expect(rateLimitsFromEnv({}).user.perMinute).toBe(600);
    expect(rateLimitsFromEnv({ LENS_RATE_LIMIT: '120' }).address.perMinute).toBe(1200);
    expect(() => rateLimitsFromEnv({ LENS_RATE_LIMIT: 'lots' })).toThrow(/LENS_RATE_LIMIT/);
  });
});

describe('demo data only on request', () => {
  it('an empty database without the demo flag starts empty: no public tokens', async () => {
    const s = await start(tmp.file('empty.sqlite'), { seed: false });
    try {
      expect((await s.store.users.count())).toBe(0);
      await problem(await client(s, DEMO_TOKENS.partner).get('/v1/me'), 401);
    } finally {
      await s.close();
    }
  });

  it('the first user comes from the admin command, and a disabled user\'s token stops at once', async () => {
    const file = tmp.file('first-user.sqlite');
    (await start(file, { seed: false })).close();
    const added = await admin(file, 'users', 'add', '--name', 'Rita Chen', '--email', 'rita.chen@firm.example', '--role', 'risk');
    expect(added.status).toBe(0);
    const token = /API token[^:]*: (\S+)/.exec(added.out)![1]!;
    const s = await start(file, { seed: false });
    try {
      expect((await client(s, token).get('/v1/me')).status).toBe(200);
      expect((await admin(file, 'users', 'disable', 'rita.chen@firm.example')).status).toBe(0);
      await problem(await client(s, token).get('/v1/me'), 401);
      expect((await admin(file, 'users', 'enable', 'rita.chen@firm.example')).status).toBe(0);
      const issued = await admin(file, 'tokens', 'issue', 'rita.chen@firm.example', '--label', 'laptop');
      const second = /API token[^:]*: (\S+)/.exec(issued.out)![1]!;
      const tokenId = /Token (t-\S+) issued/.exec(issued.out)![1]!;
      expect((await client(s, second).get('/v1/me')).status).toBe(200);
      expect((await admin(file, 'tokens', 'revoke', tokenId)).status).toBe(0);
      await problem(await client(s, second).get('/v1/me'), 401);
      expect((await client(s, token).get('/v1/me')).status).toBe(200);
    } finally {
      await s.close();
    }
    expect((await admin(file, 'users', 'add', '--name', 'X', '--email', 'not-an-email', '--role', 'lawyer')).status).toBe(2);
    expect((await admin(file, 'users', 'add', '--name', 'X', '--email', 'RITA.CHEN@firm.example', '--role', 'lawyer')).status).toBe(1);
    expect((await admin(file, 'users', 'frobnicate')).status).toBe(2);
    expect((await admin(file, 'users', 'add', '--help')).out).toMatch(/Usage: npm run admin -- users add/);
  });

  it('the admin command\'s runs are in the audit trail', async () => {
    const file = tmp.file('admin-audit.sqlite');
    (await start(file, { seed: false })).close();
    await admin(file, 'users', 'list');
    await admin(file, 'walls', 'add', '--user', 'nobody@firm.example', '--client', 'c-x');
    const s = await start(file, { seed: false });
    try {
      const rows = (await collect(s.store.audit.rowsSince(undefined))).filter((r) => r.action === 'admin.command');
      expect(rows.map((r) => [r.target!.replace(/^[^:]*: /, ''), r.status])).toEqual([
        ['users list', 0], ['walls add --user nobody@firm.example --client c-x', 1],
      ]);
    } finally {
      await s.close();
    }
  });
});
