/**
 * From noticing to winning (endpoint side): need triage with versions, confidential needs redacted
 * by the endpoint, check-ins and objectives kept by the secondee, their firm mentor and BD.
 * Real HTTP on loopback against a real SQLite file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditPage, ChangesPage, CheckIn, ClientContext, Need, REDACTED_NEED_TITLE, Secondment } from '../../lib/contract';
import { CLIO_TENANT, DEMO_CLIENTS, DEMO_TOKENS, DEMO_USERS, NORTHWIND_ACTIVE_OUTBOUND_ID } from '../../server/demo/demo-ids';
import type { RunningServer } from '../../server/start-server';
import { client, ok, problem, start, tempDir } from './helpers';

const tmp = tempDir();
let server: RunningServer;
const partner = () => client(server, DEMO_TOKENS.partner);
const secondee = () => client(server, DEMO_TOKENS.secondee);
const bd = () => client(server, DEMO_TOKENS.bd);
const risk = () => client(server, DEMO_TOKENS.risk);
const key = () => ({ 'Idempotency-Key': crypto.randomUUID() });
const nw = DEMO_CLIENTS.northwind.id;

beforeAll(async () => {
  server = await start(tmp.file());
});
afterAll(async () => {
  await server.close();
  tmp.remove();
});

async function newNeed(api: ReturnType<typeof client>, body: Record<string, unknown>): Promise<Need> {
  return ok(await api.post(`/v1/clients/${nw}/needs`, { practiceArea: 'Employment', ...body }, key()), Need, 201);
}

async function drain(api: ReturnType<typeof client>) {
  const all: string[] = [];
  let cursor = '0';
  for (let i = 0; i < 50; i++) {
    const res = await api.get(`/v1/changes?since=${cursor}&limit=5000`);
    const text = await res.text();
    all.push(text);
    const page = ChangesPage.parse(JSON.parse(text));
    cursor = page.nextCursor;
    if (!page.hasMore) break;
  }
  return all.join('\n');
}

describe('need triage', () => {
  it('BD moves a need on with If-Match; the partner sees the new status and who moved it; the feed carries it', async () => {
    const need = await newNeed(partner(), { title: 'Works-council consultation on depot automation' });
    const path = `/v1/clients/${nw}/needs/${need.id}`;
    const got = await bd().get(path);
    const etag = got.headers.get('etag')!;
    expect(etag).toBe(`"${(await ok(got, Need)).version}"`);

    await problem(await bd().patch(path, { status: 'qualified' }), 428);
    await problem(await partner().patch(path, { status: 'qualified' }, { 'If-Match': etag }), 403);
    const qualified = await ok(await bd().patch(path, { status: 'qualified', owner: { userId: DEMO_USERS.bd.id } }, { 'If-Match': etag }), Need);
    expect(qualified).toMatchObject({ status: 'qualified', owner: { userId: DEMO_USERS.bd.id, name: DEMO_USERS.bd.name }, statusChangedBy: { name: DEMO_USERS.bd.name } });
    // A second BD edit from the old version is refused.
    await problem(await bd().patch(path, { status: 'declined' }, { 'If-Match': etag }), 412);

    const matter = { system: 'clio', kind: 'matter', externalId: '9001', tenant: CLIO_TENANT };
    await problem(await bd().patch(path, { matter }, { 'If-Match': `"${qualified.version}"` }), 422); // only for a won need
    await problem(await bd().patch(path, { owner: { userId: DEMO_USERS.risk.id } }, { 'If-Match': `"${qualified.version}"` }), 422);
    const won = await ok(await bd().patch(path, { status: 'won', matter }, { 'If-Match': `"${qualified.version}"` }, ), Need);
    expect(won).toMatchObject({ status: 'won', matter, owner: { userId: DEMO_USERS.bd.id } });

    const seen = (await ok(await partner().get(`/v1/clients/${nw}/context`), ClientContext)).needs.find((n) => n.id === need.id)!;
    expect(seen).toMatchObject({ status: 'won', statusChangedBy: { name: DEMO_USERS.bd.name }, matter });
    expect(await drain(partner())).toContain(`"status":"won"`);
    const trail = await ok(await risk().get(`/v1/audit?action=need.update&clientId=${nw}`), AuditPage);
    expect(trail.entries.map((e) => e.status)).toEqual(expect.arrayContaining([200, 412, 428, 403, 422]));
  });

  it('the author withdraws their own need while it is new; not someone else, not once triaged', async () => {
    const mine = await newNeed(secondee(), { title: 'Fleet telematics data sharing' });
    const path = `/v1/clients/${nw}/needs/${mine.id}`;
    await problem(await partner().delete(path, { 'If-Match': `"${mine.version}"` }), 403);
    await problem(await secondee().delete(path), 428);
    expect((await secondee().delete(path, { 'If-Match': `"${mine.version}"` })).status).toBe(204);
    await problem(await secondee().get(path), 404);

    const triaged = await newNeed(secondee(), { title: 'Customs classification review' });
    const moved = await ok(await bd().patch(`/v1/clients/${nw}/needs/${triaged.id}`, { status: 'qualified' }, { 'If-Match': `"${triaged.version}"` }), Need);
    await problem(await secondee().delete(`/v1/clients/${nw}/needs/${triaged.id}`, { 'If-Match': `"${moved.version}"` }), 409);
  });

  it('a need of a walled client answers as a missing one', async () => {
    const harborNeed = (await server.store.listNeeds(DEMO_CLIENTS.harbor.id))[0]!;
    const walled = await secondee().get(`/v1/clients/${DEMO_CLIENTS.harbor.id}/needs/${harborNeed.id}`);
    const missing = await secondee().get(`/v1/clients/c-nowhere/needs/${harborNeed.id}`);
    expect(walled.status).toBe(404);
    expect({ ...(await walled.json()), instance: 0 }).toEqual({ ...(await missing.json()), instance: 0 });
  });
});

describe('confidential needs', () => {
  const secret = { title: 'Covert review of the CFO’s expense claims', detail: 'Learned in confidence from the head of internal audit.' };

  it('are shown in full to the author, BD and risk; other lawyers never get the text (context, need, feed, search)', async () => {
    const need = await newNeed(partner(), { ...secret, confidential: true });
    for (const api of [partner(), bd(), risk()]) {
      const ctx = await ok(await api.get(`/v1/clients/${nw}/context`), ClientContext);
      expect(ctx.needs.find((n) => n.id === need.id)).toMatchObject({ title: secret.title, detail: secret.detail });
    }
    const raw = [
      await (await secondee().get(`/v1/clients/${nw}/context`)).text(),
      await (await secondee().get(`/v1/clients/${nw}/needs/${need.id}`)).text(),
      await drain(secondee()),
      await (await secondee().get('/v1/clients?query=northwind')).text(),
    ].join('\n');
    expect(raw).not.toContain('Covert review');
    expect(raw).not.toContain('internal audit');
    const ctx = await ok(await secondee().get(`/v1/clients/${nw}/context`), ClientContext);
    expect(ctx.needs.find((n) => n.id === need.id)).toMatchObject({
      title: REDACTED_NEED_TITLE, detail: '', redacted: true, confidential: true, status: 'new', identifiedAt: need.identifiedAt,
      askContact: { name: 'Business Development' },
    });
  });
});

describe('check-ins and objectives', () => {
  const path = `/v1/secondments/${NORTHWIND_ACTIVE_OUTBOUND_ID}`;
  const today = new Date().toISOString().slice(0, 10);

  it('the secondee records a check-in once per key; last and next due move on; the feed carries it', async () => {
    const k = key();
    const body = { date: today, note: 'Monthly catch-up with the GC: contract triage going well.' };
    const first = await ok(await secondee().post(`${path}/check-ins`, body, k), CheckIn, 201);
    expect(first.recordedBy).toEqual({ userId: DEMO_USERS.secondee.id, name: DEMO_USERS.secondee.name });
    const replay = await secondee().post(`${path}/check-ins`, body, k);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const s = (await server.store.getSecondment(NORTHWIND_ACTIVE_OUTBOUND_ID))!;
    expect(s.checkIns.last).toBe(today);
    expect(s.checkIns.nextDue! > today).toBe(true);
    expect(await server.store.sql.value('SELECT count(*) FROM check_ins WHERE secondment_id = ?', [NORTHWIND_ACTIVE_OUTBOUND_ID])).toBe(1);
  });

  it('the firm mentor and BD may record one; another lawyer may not; a future date is refused; a walled client is missing', async () => {
    expect((await partner().post(`${path}/check-ins`, { date: today }, key())).status).toBe(201); // Eleanor mentors Sam
    expect((await bd().post(`${path}/check-ins`, { date: today }, key())).status).toBe(201);
    const { token } = (await server.store.users.create({ name: 'Other Lawyer', email: 'other@firm.example', role: 'lawyer' }));
    await problem(await client(server, token).post(`${path}/check-ins`, { date: today }, key()), 403);
    await problem(await secondee().post(`${path}/check-ins`, { date: '2999-01-01' }, key()), 422);
    const harborSecondment = (await server.store.listSecondments(DEMO_CLIENTS.harbor.id))[0]!;
    const walled = await secondee().post(`/v1/secondments/${harborSecondment.id}/check-ins`, { date: today }, key());
    const missing = await secondee().post('/v1/secondments/s-nowhere/check-ins', { date: today }, key());
    expect(walled.status).toBe(404);
    expect({ ...(await walled.json()), instance: 0 }).toEqual({ ...(await missing.json()), instance: 0 });
  });

  it('an objective is marked met with If-Match on the secondment\'s version; a stale one is 412', async () => {
    const s = (await server.store.getSecondment(NORTHWIND_ACTIVE_OUTBOUND_ID))!;
    const objective = s.objectives[0]!;
    const url = `${path}/objectives/${objective.id}`;
    await problem(await secondee().patch(url, { status: 'met' }), 428);
    const updated = await ok(await secondee().patch(url, { status: 'met' }, { 'If-Match': `"${s.version}"` }), Secondment);
    expect(updated.objectives.find((o) => o.id === objective.id)?.status).toBe('met');
    await problem(await secondee().patch(url, { status: 'in-progress' }, { 'If-Match': `"${s.version}"` }), 412);
    await problem(await secondee().patch(`${path}/objectives/nope`, { status: 'met' }, { 'If-Match': `"${updated.version}"` }), 404);
    await problem(await secondee().patch(url, { status: 'finished' }, { 'If-Match': `"${updated.version}"` }), 422);
  });
});
