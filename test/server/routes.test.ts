import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, ClientContext, ClientList, PracticeAreaList, ResolveResult, User } from '../../lib/contract';
import { DEMO_CLIENTS, DEMO_RECORDS, DEMO_TOKENS, DEMO_USERS, NORTHWIND_ACTIVE_OUTBOUND_ID } from '../../server/demo/demo-ids';
import type { RunningServer } from '../../server/start-server';
import { client, ok, problem, start, tempDir } from './helpers';

const tmp = tempDir();
let server: RunningServer;
let partner: ReturnType<typeof client>;

beforeAll(async () => {
  server = await start(tmp.file());
  partner = client(server);
});
afterAll(async () => {
  await server.close();
  tmp.remove();
});

const resolvePath = (r: { system: string; kind: string; externalId: string; tenant: string | null }, withTenant = true) =>
  `/v1/resolve?${new URLSearchParams({ system: r.system, kind: r.kind, externalId: r.externalId, ...(withTenant && r.tenant ? { tenant: r.tenant } : {}) })}`;

describe('session and reference routes', () => {
  it('GET /v1/me answers the token\'s user', async () => {
    for (const [who, token] of Object.entries(DEMO_TOKENS)) {
      const me = await ok(await client(server, token).get('/v1/me'), User);
      const expected = DEMO_USERS[who as keyof typeof DEMO_USERS];
      expect(me).toEqual({ id: expected.id, name: expected.name, email: expected.email, role: expected.role });
    }
  });

  it('GET /v1/practice-areas lists the firm\'s areas', async () => {
    const { practiceAreas } = await ok(await partner.get('/v1/practice-areas'), PracticeAreaList);
    expect(practiceAreas.length).toBeGreaterThanOrEqual(15);
    expect(practiceAreas).toEqual(expect.arrayContaining(['Employment', 'Data Protection & Privacy', 'Tax', 'Competition']));
    expect(new Set(practiceAreas).size).toBe(practiceAreas.length);
  });

  it('GET /healthz needs no token', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe('finding clients', () => {
  it('searches names case-insensitively and leaves walled clients out', async () => {
    const { clients } = await ok(await partner.get('/v1/clients?query=NORTHWIND'), ClientList);
    expect(clients.map((c) => c.id)).toEqual([DEMO_CLIENTS.northwind.id]);
    expect(clients[0]!.externalIds).toContainEqual(DEMO_RECORDS.northwindSalesforceAccount);

    const forPartner = await ok(await partner.get('/v1/clients?query=harbor'), ClientList);
    expect(forPartner.clients.map((c) => c.id)).toEqual([DEMO_CLIENTS.harbor.id]);
    const forSecondee = await ok(await client(server, DEMO_TOKENS.secondee).get('/v1/clients?query=harbor'), ClientList);
    expect(forSecondee.clients).toEqual([]);
  });

  it('without a query lists at most 50, and treats % and _ literally', async () => {
    const all = await ok(await partner.get('/v1/clients'), ClientList);
    expect(all.clients.length).toBeGreaterThanOrEqual(25);
    expect(all.clients.length).toBeLessThanOrEqual(50);
    expect((await ok(await partner.get('/v1/clients?query=%25'), ClientList)).clients).toEqual([]);
    expect((await ok(await partner.get('/v1/clients?query=_'), ClientList)).clients).toEqual([]);
  });

  it('resolves a PMS record to zero, one or two clients', async () => {
    const none = await ok(await partner.get(resolvePath(DEMO_RECORDS.unmappedClioContact)), ResolveResult);
    expect(none.matches).toEqual([]);

    for (const record of [DEMO_RECORDS.northwindClioContact, DEMO_RECORDS.northwindClioMatter, DEMO_RECORDS.northwindSalesforceAccount, DEMO_RECORDS.northwindHubspotCompany]) {
      const one = await ok(await partner.get(resolvePath(record)), ResolveResult);
      expect(one.matches).toEqual([{ id: DEMO_CLIENTS.northwind.id, name: DEMO_CLIENTS.northwind.name, industry: DEMO_CLIENTS.northwind.industry }]);
    }
    const noTenant = await ok(await partner.get(resolvePath(DEMO_RECORDS.northwindClioContact, false)), ResolveResult);
    expect(noTenant.matches.map((m) => m.id)).toEqual([DEMO_CLIENTS.northwind.id]);
    const otherTenant = await ok(await partner.get(resolvePath({ ...DEMO_RECORDS.northwindClioContact, tenant: 'eu.app.clio.com' })), ResolveResult);
    expect(otherTenant.matches).toEqual([]);

    const two = await ok(await partner.get(resolvePath(DEMO_RECORDS.aldgateClioContact)), ResolveResult);
    expect(two.matches.map((m) => m.id).sort()).toEqual([DEMO_CLIENTS.aldgate.id, DEMO_CLIENTS.aldgateHoldings.id].sort());
  });

  it('resolve leaves walled clients out', async () => {
    const harborRecord = resolvePath(DEMO_RECORDS.harborClioContact);
    expect((await ok(await partner.get(harborRecord), ResolveResult)).matches).toHaveLength(1);
    expect((await ok(await client(server, DEMO_TOKENS.secondee).get(harborRecord), ResolveResult)).matches).toEqual([]);
  });

  it('resolve rejects bad parameters with 400 and field errors', async () => {
    const badSystem = await problem(await partner.get('/v1/resolve?system=lotus-notes&kind=contact&externalId=1'), 400);
    expect(badSystem.errors?.map((e) => e.path)).toContain('system');
    const missing = await problem(await partner.get('/v1/resolve?system=clio'), 400);
    expect(missing.errors?.map((e) => e.path).sort()).toEqual(['externalId', 'kind']);
    const long = await problem(await partner.get(`/v1/resolve?system=clio&kind=contact&externalId=${'9'.repeat(129)}`), 400);
    expect(long.errors?.map((e) => e.path)).toEqual(['externalId']);
  });

  it('POST /v1/mappings links a record (201), is idempotent (200), and respects walls', async () => {
    const record = { system: 'dynamics365', kind: 'client', externalId: 'a1b2c3d4-0000-4000-8000-000000000001', tenant: 'meridian.crm11.dynamics.com' } as const;
    const created = await ok(await partner.post('/v1/mappings', { clientId: DEMO_CLIENTS.meridian.id, record }), Client, 201);
    expect(created.id).toBe(DEMO_CLIENTS.meridian.id);
    expect(created.externalIds).toContainEqual(record);
    const again = await ok(await partner.post('/v1/mappings', { clientId: DEMO_CLIENTS.meridian.id, record }), Client, 200);
    expect(again.externalIds.filter((r) => r.externalId === record.externalId)).toHaveLength(1);
    const resolved = await ok(await partner.get(resolvePath(record)), ResolveResult);
    expect(resolved.matches.map((m) => m.id)).toEqual([DEMO_CLIENTS.meridian.id]);

    await problem(await partner.post('/v1/mappings', { clientId: 'c-nobody', record }), 404);
    const walled = await problem(await client(server, DEMO_TOKENS.secondee).post('/v1/mappings', { clientId: DEMO_CLIENTS.harbor.id, record }), 404);
    expect(JSON.stringify(walled)).not.toContain(DEMO_CLIENTS.harbor.name);
    const bad = await problem(await partner.post('/v1/mappings', { clientId: DEMO_CLIENTS.meridian.id, record: { ...record, system: 'notes' } }), 422);
    expect(bad.errors?.map((e) => e.path)).toEqual(['record.system']);
  });
});

describe('client context', () => {
  const path = `/v1/clients/${DEMO_CLIENTS.northwind.id}/context`;

  it('answers the demo Northwind context, parsed by the contract', async () => {
    const res = await partner.get(path);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    const ctx = await ok(res, ClientContext);
    expect(ctx.client.name).toBe('Northwind Logistics plc');
    const active = ctx.secondments.filter((s) => s.status === 'active');
    expect(active).toHaveLength(2);
    expect(active.map((s) => s.direction).sort()).toEqual(['outbound', 'reverse']);
    expect(active.find((s) => s.id === NORTHWIND_ACTIVE_OUTBOUND_ID)?.person.userId).toBe(DEMO_USERS.secondee.id);
    expect(ctx.secondments.filter((s) => s.status === 'completed' || s.status === 'ended-early').length).toBeGreaterThanOrEqual(3);
    expect(ctx.needs.length).toBeGreaterThanOrEqual(5);
    expect(ctx.candidateFlag?.flaggedBy.name).toBe(DEMO_USERS.bd.name);
  });

  it('has a strong ETag from the data: 304 on If-None-Match, a new tag after a write', async () => {
    const first = await partner.get(path);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/); // strong: no W/
    await first.arrayBuffer();

    const second = await partner.get(path);
    expect(second.headers.get('etag')).toBe(etag); // asOf differs, the tag does not
    await second.arrayBuffer();

    const notModified = await partner.get(path, { 'If-None-Match': etag! });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(etag);
    expect(await notModified.text()).toBe('');
    expect((await partner.get(path, { 'If-None-Match': `"other", W/${etag}` })).status).toBe(304);
    const stale = await partner.get(path, { 'If-None-Match': '"not-the-tag"' });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();

    const created = await partner.post(path.replace('/context', '/needs'), { title: 'Pallet-leasing dispute', practiceArea: 'Disputes' }, { 'Idempotency-Key': 'etag-test-1' });
    expect(created.status).toBe(201);
    const changed = await partner.get(path, { 'If-None-Match': etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const ctx = await ok(changed, ClientContext);
    expect(ctx.needs.map((n) => n.title)).toContain('Pallet-leasing dispute');
  });

  it('404 for an unknown client and for one behind a wall (without the client\'s name)', async () => {
    const unknown = await problem(await partner.get('/v1/clients/c-does-not-exist/context'), 404);
    expect(unknown.title).toBe('Not Found');
    await problem(await partner.get('/v1/clients/bad%20id!/context'), 404);

    const secondee = client(server, DEMO_TOKENS.secondee);
    const walled = await problem(await secondee.get(`/v1/clients/${DEMO_CLIENTS.harbor.id}/context`), 404);
    // The id is the caller's own URL (instance); the name must not be given away.
    expect(JSON.stringify(walled)).not.toContain(DEMO_CLIENTS.harbor.name);
    expect(JSON.stringify(walled)).not.toMatch(/biotech/i);
    // Everyone else sees Harbor.
    await ok(await partner.get(`/v1/clients/${DEMO_CLIENTS.harbor.id}/context`), ClientContext);
    await ok(await client(server, DEMO_TOKENS.bd).get(`/v1/clients/${DEMO_CLIENTS.harbor.id}/context`), ClientContext);
  });
});

describe('authentication and unknown routes', () => {
  it('401 with WWW-Authenticate for a missing or wrong token, without echoing it', async () => {
    const missing = await client(server, null).get('/v1/me');
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await problem(missing, 401);

    const secret = 'not-a-real-token-s3cr3t';
    const wrong = await client(server, secret).get(`/v1/clients/${DEMO_CLIENTS.northwind.id}/context`);
    expect(wrong.headers.get('www-authenticate')).toContain('invalid_token');
    const body = await problem(wrong, 401);
    expect(JSON.stringify(body)).not.toContain(secret);

    const basic = await fetch(`${server.url}/v1/me`, { headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
    await problem(basic, 401);
  });

  it('every /v1 route needs the token', async () => {
    const anon = client(server, null);
    await problem(await anon.get('/v1/practice-areas'), 401);
    await problem(await anon.get('/v1/clients'), 401);
    await problem(await anon.get('/v1/changes'), 401);
    await problem(await anon.post(`/v1/clients/${DEMO_CLIENTS.northwind.id}/needs`, { title: 't', practiceArea: 'Tax' }, { 'Idempotency-Key': 'x' }), 401);
    await problem(await anon.put(`/v1/clients/${DEMO_CLIENTS.meridian.id}/candidate-flag`, { reason: 'r', priority: 'low' }), 401);
  });

  it('404 problem for an unknown route', async () => {
    await problem(await partner.get('/v1/nothing-here'), 404);
    await problem(await fetch(`${server.url}/elsewhere`), 404);
  });
});
