import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateFlag, ClientContext, Need, NEED_TITLE_MAX } from '../../lib/contract';
import { DEMO_CLIENTS, DEMO_TOKENS, DEMO_USERS, NORTHWIND_ACTIVE_OUTBOUND_ID } from '../../server/demo/demo-ids';
import type { RunningServer } from '../../server/start-server';
import { client, ok, problem, start, tempDir, ifMatchFlag } from './helpers';

const tmp = tempDir();
let server: RunningServer;
let partner: ReturnType<typeof client>;
const needsPath = `/v1/clients/${DEMO_CLIENTS.northwind.id}/needs`;
let keyNo = 0;
const key = () => ({ 'Idempotency-Key': `errors-test-${++keyNo}` });

beforeAll(async () => {
  server = await start(tmp.file());
  partner = client(server);
});
afterAll(async () => {
  await server.close();
  tmp.remove();
});

describe('logging a need', () => {
  it('201 with the caller as identifiedBy, defaults applied, stored once', async () => {
    const secondee = client(server, DEMO_TOKENS.secondee);
    const before = (await server.store.countNeeds(DEMO_CLIENTS.northwind.id));
    const res = await secondee.post(needsPath, {
      title: '  Customs brokerage terms after the new border regime  ',
      practiceArea: 'Commercial Contracts',
      sourceSecondmentId: NORTHWIND_ACTIVE_OUTBOUND_ID,
    }, key());
    const need = await ok(res, Need, 201);
    expect(need).toMatchObject({
      clientId: DEMO_CLIENTS.northwind.id,
      title: 'Customs brokerage terms after the new border regime',
      detail: '',
      confidential: false,
      status: 'new',
      sourceSecondmentId: NORTHWIND_ACTIVE_OUTBOUND_ID,
      identifiedBy: { userId: DEMO_USERS.secondee.id, name: DEMO_USERS.secondee.name },
    });
    expect(Date.now() - Date.parse(need.identifiedAt)).toBeLessThan(60_000);
    expect((await server.store.countNeeds(DEMO_CLIENTS.northwind.id))).toBe(before + 1);
    expect((await server.store.listNeeds(DEMO_CLIENTS.northwind.id)).map((n) => n.id)).toContain(need.id);
  });

  it('422 with the field path for an unknown field, an over-long title, a missing title', async () => {
    const unknown = await problem(await partner.post(needsPath, { title: 'T', practiceArea: 'Tax', owner: 'me' }, key()), 422);
    expect(unknown.errors).toEqual([{ path: 'owner', message: expect.any(String) }]);

    const long = await problem(await partner.post(needsPath, { title: 'x'.repeat(NEED_TITLE_MAX + 1), practiceArea: 'Tax' }, key()), 422);
    expect(long.errors?.map((e) => e.path)).toEqual(['title']);

    const missing = await problem(await partner.post(needsPath, { practiceArea: 'Tax', detail: 5 }, key()), 422);
    expect(missing.errors?.map((e) => e.path).sort()).toEqual(['detail', 'title']);

    const notObject = await problem(await partner.post(needsPath, [1, 2], key()), 422);
    expect(notObject.errors?.length).toBeGreaterThan(0);
  });

  it('422 for a practice area not on the list, or a secondment of another client', async () => {
    const area = await problem(await partner.post(needsPath, { title: 'Space law', practiceArea: 'Space Law' }, key()), 422);
    expect(area.errors?.map((e) => e.path)).toEqual(['practiceArea']);
    const source = await problem(await partner.post(needsPath, { title: 'T', practiceArea: 'Tax', sourceSecondmentId: 's-kestrel-okafor' }, key()), 422);
    expect(source.errors?.map((e) => e.path)).toEqual(['sourceSecondmentId']);
  });

  it('400 for malformed JSON, 415 for another content type, 413 over 64 KiB', async () => {
    await problem(await partner.raw('POST', needsPath, { raw: '{"title": "unterminated', headers: { 'Content-Type': 'application/json', ...key() } }), 400);
    await problem(await partner.raw('POST', needsPath, { raw: '', headers: { 'Content-Type': 'application/json', ...key() } }), 400);
    await problem(await partner.raw('POST', needsPath, { raw: 'title=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...key() } }), 415);
    await problem(await partner.raw('POST', needsPath, { raw: '{"title":"x","practiceArea":"Tax"}', headers: { 'Content-Type': 'text/plain', ...key() } }), 415);

    const huge = JSON.stringify({ title: 'Big', practiceArea: 'Tax', detail: 'x'.repeat(70 * 1024) });
    await problem(await partner.raw('POST', needsPath, { raw: huge, headers: { 'Content-Type': 'application/json', ...key() } }), 413);
    // Chunked, without Content-Length: counted while reading.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.close();
      },
    });
    const streamed = await fetch(`${server.url}${needsPath}`, {
      method: 'POST', body: chunks, duplex: 'half',
      headers: { Authorization: `Bearer ${DEMO_TOKENS.partner}`, 'Content-Type': 'application/json', ...key() },
    } as RequestInit);
    await problem(streamed, 413);
  });

  it('404 for an unknown client and for one behind a wall', async () => {
    await problem(await partner.post('/v1/clients/c-nobody/needs', { title: 'T', practiceArea: 'Tax' }, key()), 404);
    const before = (await server.store.countNeeds(DEMO_CLIENTS.harbor.id));
    await problem(await client(server, DEMO_TOKENS.secondee).post(`/v1/clients/${DEMO_CLIENTS.harbor.id}/needs`, { title: 'T', practiceArea: 'Tax' }, key()), 404);
    expect((await server.store.countNeeds(DEMO_CLIENTS.harbor.id))).toBe(before);
  });
});

describe('candidate flags', () => {
  const flagPath = `/v1/clients/${DEMO_CLIENTS.meridian.id}/candidate-flag`;
  const ctxPath = `/v1/clients/${DEMO_CLIENTS.meridian.id}/context`;

  it('BD sets, updates and clears a flag', async () => {
    const bd = client(server, DEMO_TOKENS.bd);
    expect((await ok(await bd.get(ctxPath), ClientContext)).candidateFlag).toBeNull();

    const flag = await ok(await bd.put(flagPath, { reason: '  New GC wants in-house cover for the peak season.  ', priority: 'high' }), CandidateFlag);
    expect(flag).toMatchObject({ clientId: DEMO_CLIENTS.meridian.id, reason: 'New GC wants in-house cover for the peak season.', priority: 'high', flaggedBy: { userId: DEMO_USERS.bd.id, name: DEMO_USERS.bd.name } });
    expect((await ok(await partner.get(ctxPath), ClientContext)).candidateFlag).toEqual(flag);

    const updated = await ok(await bd.put(flagPath, { reason: 'Panel review moved up.', priority: 'medium' }, (await ifMatchFlag(server, DEMO_CLIENTS.meridian.id))), CandidateFlag);
    expect(updated.priority).toBe('medium');
    expect(updated.version).not.toBe(flag.version);

    const cleared = await bd.delete(flagPath, (await ifMatchFlag(server, DEMO_CLIENTS.meridian.id)));
    expect(cleared.status).toBe(204);
    expect((await ok(await partner.get(ctxPath), ClientContext)).candidateFlag).toBeNull();
    expect((await bd.delete(flagPath)).status).toBe(204); // clearing again is harmless
  });

  it('lawyers get 403 and nothing changes', async () => {
    const northwindFlag = `/v1/clients/${DEMO_CLIENTS.northwind.id}/candidate-flag`;
    await problem(await partner.put(northwindFlag, { reason: 'Mine now', priority: 'low' }), 403);
    await problem(await partner.delete(northwindFlag), 403);
    const ctx = await ok(await partner.get(`/v1/clients/${DEMO_CLIENTS.northwind.id}/context`), ClientContext);
    expect(ctx.candidateFlag?.flaggedBy.userId).toBe(DEMO_USERS.bd.id);
  });

  it('422 for an empty reason, a bad priority or an unknown field; 404 unknown client', async () => {
    const bd = client(server, DEMO_TOKENS.bd);
    const empty = await problem(await bd.put(flagPath, { reason: '   ', priority: 'high' }), 422);
    expect(empty.errors?.map((e) => e.path)).toEqual(['reason']);
    const prio = await problem(await bd.put(flagPath, { reason: 'r', priority: 'urgent' }), 422);
    expect(prio.errors?.map((e) => e.path)).toEqual(['priority']);
    const extra = await problem(await bd.put(flagPath, { reason: 'r', priority: 'low', clientId: 'c-other' }), 422);
    expect(extra.errors?.map((e) => e.path)).toEqual(['clientId']);
    await problem(await bd.put('/v1/clients/c-nobody/candidate-flag', { reason: 'r', priority: 'low' }), 404);
  });
});
