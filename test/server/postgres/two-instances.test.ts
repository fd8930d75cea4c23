/**
 * Two endpoint instances on one PostgreSQL database, over real HTTP, as behind a load balancer:
 * every promise one instance keeps must hold across both — one need per Idempotency-Key, a change
 * feed a client can sync from either instance without missing or repeating a change, one audit
 * chain, and one request budget per user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangesPage, Need } from '../../../lib/contract';
import { DEMO_CLIENTS, DEMO_TOKENS } from '../../../server/demo/demo-ids';
import { RateLimiter } from '../../../server/rate-limit';
import type { RunningServer } from '../../../server/start-server';
import { client, ok, runOnPostgres, start, tempDir } from '../helpers';

await runOnPostgres();

const tmp = tempDir();
let a: RunningServer;
let b: RunningServer;
/** Lets a test hold instance A's need write (after A claimed the key) until instance B has answered. */
let holdA: Promise<void> | null = null;
let claimedOnA: (() => void) | null = null;

beforeAll(async () => {
  const database = tmp.file();
  a = await start(database, { hooks: { beforeNeedWrite: () => { claimedOnA?.(); return holdA ?? undefined; } } });
  b = await start(database, { seed: false }); // the same database, already seeded by A
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  tmp.remove();
});

const needPath = `/v1/clients/${DEMO_CLIENTS.northwind.id}/needs`;
const needsTitled = async (title: string) => (await a.store.listNeeds(DEMO_CLIENTS.northwind.id)).filter((n) => n.title === title);

describe('two instances on one PostgreSQL database', () => {
  it('one Idempotency-Key claimed on A is seen by B: 409 while A is still writing, the replay once done, one need', async () => {
    let release!: () => void;
    holdA = new Promise((resolve) => { release = resolve; });
    const claimed = new Promise<void>((resolve) => { claimedOnA = resolve; });
    const key = { 'Idempotency-Key': crypto.randomUUID() };
    const body = { title: 'Held on instance A', practiceArea: 'Tax' };
    try {
      const first = client(a).post(needPath, body, key);
      await claimed; // A holds the key and has not written yet
      const during = await client(b).post(needPath, body, key);
      expect(during.status).toBe(409);
      expect(during.headers.get('retry-after')).toBe('1');
      release();
      const created = await ok(await first, Need, 201);
      const replay = await client(b).post(needPath, body, key);
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect((await replay.json()).id).toBe(created.id);
    } finally {
      release?.();
      holdA = null;
      claimedOnA = null;
    }
    expect(await needsTitled('Held on instance A')).toHaveLength(1);
  });

  it('the same need POSTed to both at once with one key, twenty times: one need per key, the other answer 409 or the replay', async () => {
    const rounds = Array.from({ length: 20 }, (_, i) => ({ key: crypto.randomUUID(), title: `Raced need ${i}` }));
    const answers = await Promise.all(rounds.map(async (r) => {
      const [fromA, fromB] = await Promise.all([a, b].map((s) => client(s).post(needPath, { title: r.title, practiceArea: 'Tax' }, { 'Idempotency-Key': r.key })));
      return [fromA!, fromB!];
    }));
    for (const [i, pair] of answers.entries()) {
      const statuses = pair.map((res) => res.status).sort();
      const created = pair.filter((res) => res.status === 201 && res.headers.get('idempotent-replayed') !== 'true');
      expect(created, `round ${i}: ${statuses}`).toHaveLength(1);
      const other = pair.find((res) => res !== created[0])!;
      expect(other.status === 409 || (other.status === 201 && other.headers.get('idempotent-replayed') === 'true'), `round ${i}: ${statuses}`).toBe(true);
      expect(await needsTitled(rounds[i]!.title)).toHaveLength(1);
    }
  });

  it('a client syncing from A and B alternately gets every change exactly once while writers write to both', async () => {
    const partner = (s: RunningServer) => client(s, DEMO_TOKENS.partner);
    // Start from the head of the feed.
    let cursor = '0';
    for (let page = await ok(await partner(a).get('/v1/changes?since=0&limit=5000'), ChangesPage); ; page = await ok(await partner(a).get(`/v1/changes?since=${cursor}&limit=5000`), ChangesPage)) {
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }

    const created: string[] = [];
    let writing = true;
    const writers = Array.from({ length: 6 }, (_, w) => (async () => {
      for (let i = 0; i < 25; i++) {
        const target = (w + i) % 2 === 0 ? a : b;
        const res = await partner(target).post(needPath, { title: `Concurrent ${w}-${i}`, practiceArea: 'Tax' }, { 'Idempotency-Key': crypto.randomUUID() });
        created.push((await ok(res, Need, 201)).id);
      }
    })());
    const seen = new Map<string, number>();
    let reads = 0;
    const readPage = async () => {
      const page = await ok(await partner(reads++ % 2 === 0 ? a : b).get(`/v1/changes?since=${cursor}&limit=7`), ChangesPage);
      for (const change of page.changes) {
        if (change.type === 'need.upsert' && change.need.title.startsWith('Concurrent ')) seen.set(change.need.id, (seen.get(change.need.id) ?? 0) + 1);
      }
      expect(Number(page.nextCursor)).toBeGreaterThanOrEqual(Number(cursor));
      cursor = page.nextCursor;
      return page.hasMore;
    };
    const reader = (async () => {
      while (writing) await readPage();
    })();
    await Promise.all(writers);
    writing = false;
    await reader;
    while (await readPage()) { /* drain what was written after the last read */ }

    expect(created).toHaveLength(150);
    expect(reads).toBeGreaterThan(10); // the reader really ran alongside the writers
    expect([...seen.keys()].sort()).toEqual([...created].sort());
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    // Both instances appended to the one audit chain: it verifies end to end.
    const verified = await b.store.audit.verify();
    expect(verified).toMatchObject({ ok: true });
    expect(verified.rows).toBeGreaterThan(150); // at least one row per need written
  });

  it('a user\'s request budget is one budget across both instances', async () => {
    const database = tmp.file();
    const limits = () => ({ user: new RateLimiter(6), address: new RateLimiter(10_000) });
    const one = await start(database, { limits: limits() });
    const two = await start(database, { seed: false, limits: limits() });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await client(i % 2 === 0 ? one : two, DEMO_TOKENS.partner).get('/v1/me')).status);
      expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(statuses.slice(6)).toEqual([429, 429]);
      // Another user's budget is untouched.
      expect((await client(two, DEMO_TOKENS.bd).get('/v1/me')).status).toBe(200);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
