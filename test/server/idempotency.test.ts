import { afterAll, describe, expect, it } from 'vitest';
import { Need } from '../../lib/contract';
import { DEMO_CLIENTS, DEMO_TOKENS } from '../../server/demo/demo-ids';
import type { RunningServer } from '../../server/start-server';
import { client, ok, problem, start, tempDir } from './helpers';

const tmp = tempDir();
const running: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.close()));
  tmp.remove();
});
async function boot(file: string, opts: Parameters<typeof start>[1] = {}) {
  const s = await start(file, opts);
  running.push(s);
  return s;
}

const clientId = DEMO_CLIENTS.meridian.id;
const path = `/v1/clients/${clientId}/needs`;
const body = { title: 'Gift-card breakage accounting and consumer law', practiceArea: 'Regulatory', detail: 'Spotted in the finance team.' };

describe('Idempotency-Key on POST /needs', () => {
  it('400 when the key is missing or too long; nothing stored', async () => {
    const server = await boot(tmp.file());
    const api = client(server);
    const before = (await server.store.countNeeds(clientId));
    const missing = await problem(await api.post(path, body), 400);
    expect(missing.detail).toMatch(/Idempotency-Key/);
    await problem(await api.post(path, body, { 'Idempotency-Key': 'k'.repeat(256) }), 400);
    expect((await api.post(path, body, { 'Idempotency-Key': 'k'.repeat(255) })).status).toBe(201);
    expect((await server.store.countNeeds(clientId))).toBe(before + 1);
  });

  it('replays the first answer for the same key: same need id, one row, Idempotent-Replayed', async () => {
    const server = await boot(tmp.file());
    const api = client(server);
    const before = (await server.store.countNeeds(clientId));
    const first = await api.post(path, body, { 'Idempotency-Key': 'replay-1' });
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const need = await ok(first, Need, 201);

    for (let i = 0; i < 3; i++) {
      const again = await api.post(path, body, { 'Idempotency-Key': 'replay-1' });
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await ok(again, Need, 201)).toEqual(need);
    }
    expect((await server.store.countNeeds(clientId))).toBe(before + 1);
    expect((await server.store.listNeeds(clientId)).filter((n) => n.title === body.title)).toHaveLength(1);
  });

  it('422 when the same key comes with a different payload (or another client)', async () => {
    const server = await boot(tmp.file());
    const api = client(server);
    await ok(await api.post(path, body, { 'Idempotency-Key': 'reuse-1' }), Need, 201);
    const before = (await server.store.countNeeds(clientId));
    const changed = await problem(await api.post(path, { ...body, title: 'Something else' }, { 'Idempotency-Key': 'reuse-1' }), 422);
    expect(changed.type).toMatch(/idempotency/);
    await problem(await api.post(`/v1/clients/${DEMO_CLIENTS.northwind.id}/needs`, body, { 'Idempotency-Key': 'reuse-1' }), 422);
    expect((await server.store.countNeeds(clientId))).toBe(before);
  });

  it('keys are scoped per user: the same key from another user is a new request', async () => {
    const server = await boot(tmp.file());
    const a = await ok(await client(server, DEMO_TOKENS.partner).post(path, body, { 'Idempotency-Key': 'shared-key' }), Need, 201);
    const b = await client(server, DEMO_TOKENS.secondee).post(path, body, { 'Idempotency-Key': 'shared-key' });
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    const needB = await ok(b, Need, 201);
    expect(needB.id).not.toBe(a.id);
    expect(needB.identifiedBy.userId).toBe('u-associate');
  });

  it('409 for the same key while the first request is still being processed', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let reached!: () => void;
    const firstInFlight = new Promise<void>((r) => { reached = r; });
    const server = await boot(tmp.file(), {
      hooks: {
        beforeNeedWrite: async ({ idempotencyKey }) => {
          if (idempotencyKey !== 'slow-1') return;
          reached();
          await held;
        },
      },
    });
    const api = client(server);
    const before = (await server.store.countNeeds(clientId));

    const first = api.post(path, body, { 'Idempotency-Key': 'slow-1' });
    await firstInFlight; // the first holds its claim on the key
    const concurrent = await problem(await api.post(path, body, { 'Idempotency-Key': 'slow-1' }), 409);
    expect(concurrent.type).toMatch(/idempotency/);
    expect((await server.store.countNeeds(clientId))).toBe(before);

    release();
    const need = await ok(await first, Need, 201);
    const replay = await api.post(path, body, { 'Idempotency-Key': 'slow-1' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await ok(replay, Need, 201)).id).toBe(need.id);
    expect((await server.store.countNeeds(clientId))).toBe(before + 1);
  });

  it('two identical requests fired at once make one record', async () => {
    const server = await boot(tmp.file());
    const api = client(server);
    const before = (await server.store.countNeeds(clientId));
    const answers = await Promise.all(Array.from({ length: 5 }, () => api.post(path, body, { 'Idempotency-Key': 'burst-1' })));
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const ids = new Set<string>();
    for (const r of answers) if (r.status === 201) ids.add(Need.parse(await r.json()).id); else await r.arrayBuffer();
    expect(ids.size).toBe(1);
    expect((await server.store.countNeeds(clientId))).toBe(before + 1);
  });

  it('keys survive a server restart on the same file', async () => {
    const file = tmp.file('restart.sqlite');
    const first = await boot(file);
    const need = await ok(await client(first).post(path, body, { 'Idempotency-Key': 'restart-1' }), Need, 201);
    const count = (await first.store.countNeeds(clientId));
    await first.close();

    const second = await boot(file);
    expect((await second.store.countNeeds(clientId))).toBe(count); // not seeded again
    const replay = await client(second).post(path, body, { 'Idempotency-Key': 'restart-1' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await ok(replay, Need, 201)).id).toBe(need.id);
    await problem(await client(second).post(path, { ...body, title: 'Other' }, { 'Idempotency-Key': 'restart-1' }), 422);
    expect((await second.store.countNeeds(clientId))).toBe(count);
  });

  it('a rejected request does not use up its key', async () => {
    const server = await boot(tmp.file());
    const api = client(server);
    await problem(await api.post(path, { ...body, practiceArea: 'Astrology' }, { 'Idempotency-Key': 'fix-and-retry' }), 422);
    await ok(await api.post(path, body, { 'Idempotency-Key': 'fix-and-retry' }), Need, 201);
  });
});
