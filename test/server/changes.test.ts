import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangesPage, type Change } from '../../lib/contract';
import { seedLargeBook } from '../../server/demo/large-book';
import { DEMO_CLIENTS, DEMO_TOKENS, DEMO_USERS } from '../../server/demo/demo-ids';
import type { RunningServer } from '../../server/start-server';
import { client, ok, problem, start, tempDir, type Api, ifMatchFlag } from './helpers';

const tmp = tempDir();
let server: RunningServer;
afterAll(async () => {
  await server?.close();
  tmp.remove();
});
beforeAll(async () => {
  server = await start(tmp.file());
});

/** Pages from `since` until hasMore is false; returns every change and the final cursor. */
async function drain(api: Api, since = '0', limit?: number) {
  const all: Change[] = [];
  let cursor = since;
  let pages = 0;
  for (;;) {
    const page = await ok(await api.get(`/v1/changes?since=${cursor}${limit ? `&limit=${limit}` : ''}`), ChangesPage);
    pages++;
    if (limit) expect(page.changes.length).toBeLessThanOrEqual(limit);
    all.push(...page.changes);
    cursor = page.nextCursor;
    if (!page.hasMore) break;
    expect(page.changes.length).toBe(limit ?? 1000);
  }
  return { all, cursor, pages };
}

function tally(changes: Change[]) {
  const ids = { clients: new Set<string>(), secondments: new Set<string>(), needs: new Set<string>(), flags: new Set<string>() };
  for (const c of changes) {
    if (c.type === 'client.upsert') ids.clients.add(c.client.id);
    if (c.type === 'secondment.upsert') ids.secondments.add(c.secondment.id);
    if (c.type === 'need.upsert') ids.needs.add(c.need.id);
    if (c.type === 'flag.set') ids.flags.add(c.flag.clientId);
  }
  return { clients: ids.clients.size, secondments: ids.secondments.size, needs: ids.needs.size, flags: ids.flags.size };
}

const clientOf = (c: Change): string => {
  switch (c.type) {
    case 'client.upsert': return c.client.id;
    case 'secondment.upsert': return c.secondment.clientId;
    case 'need.upsert': return c.need.clientId;
    case 'flag.set': return c.flag.clientId;
    default: return c.clientId;
  }
};

describe('GET /v1/changes', () => {
  it('pages to completion and yields exactly what each user may see', async () => {
    for (const [who, token] of Object.entries(DEMO_TOKENS)) {
      const userId = DEMO_USERS[who as keyof typeof DEMO_USERS].id;
      const { all, pages } = await drain(client(server, token), '0', 37);
      expect(pages).toBeGreaterThan(1);
      expect(all.length).toBe(new Set(all.map((c) => JSON.stringify(c))).size); // no entry twice
      expect(tally(all)).toEqual((await server.store.counts(userId)));
      expect(all.some((c) => c.type === 'access.revoke' || c.type.endsWith('.delete') || c.type === 'flag.clear')).toBe(false);
    }
    // The wall: the secondee's feed never mentions Harbor; the others' does.
    const secondee = await drain(client(server, DEMO_TOKENS.secondee));
    expect(secondee.all.filter((c) => clientOf(c) === DEMO_CLIENTS.harbor.id)).toEqual([]);
    const partner = await drain(client(server, DEMO_TOKENS.partner));
    expect(partner.all.filter((c) => clientOf(c) === DEMO_CLIENTS.harbor.id).length).toBeGreaterThan(1);
    expect((await server.store.counts(DEMO_USERS.secondee.id)).clients).toBe((await server.store.counts()).clients - 1);
  });

  it('a poll from the last cursor is empty until something changes, then carries only that', async () => {
    const partner = client(server, DEMO_TOKENS.partner);
    const { cursor } = await drain(partner);
    const empty = await ok(await partner.get(`/v1/changes?since=${cursor}`), ChangesPage);
    expect(empty).toEqual({ changes: [], nextCursor: cursor, hasMore: false });

    const created = await partner.post(`/v1/clients/${DEMO_CLIENTS.meridian.id}/needs`, { title: 'Store-closure programme: landlord negotiations', practiceArea: 'Real Estate' }, { 'Idempotency-Key': 'feed-1' });
    expect(created.status).toBe(201);
    const bd = client(server, DEMO_TOKENS.bd);
    expect((await bd.put(`/v1/clients/${DEMO_CLIENTS.meridian.id}/candidate-flag`, { reason: 'Store-closure programme', priority: 'medium' })).status).toBe(200);
    expect((await bd.delete(`/v1/clients/${DEMO_CLIENTS.northwind.id}/candidate-flag`, (await ifMatchFlag(server, DEMO_CLIENTS.northwind.id)))).status).toBe(204);
    const needId = (await server.store.listNeeds(DEMO_CLIENTS.meridian.id)).find((n) => n.title.startsWith('Store-closure'))!.id;
    const doomed = (await server.store.listNeeds(DEMO_CLIENTS.aldgate.id))[0]!;
    expect((await server.store.deleteNeed(doomed.id))).toBe(true);

    const delta = await drain(partner, cursor);
    expect(delta.all.map((c) => c.type)).toEqual(['need.upsert', 'flag.set', 'flag.clear', 'need.delete']);
    expect(delta.all[0]).toMatchObject({ type: 'need.upsert', need: { id: needId } });
    expect(delta.all[2]).toEqual({ type: 'flag.clear', clientId: DEMO_CLIENTS.northwind.id });
    expect(delta.all[3]).toEqual({ type: 'need.delete', clientId: DEMO_CLIENTS.aldgate.id, needId: doomed.id });
  });

  it('a wall raised later appears as access.revoke, and the client disappears from the feed', async () => {
    const secondee = client(server, DEMO_TOKENS.secondee);
    const { cursor } = await drain(secondee);
    const target = DEMO_CLIENTS.aldgateHoldings.id;
    expect((await server.store.raiseWall(DEMO_USERS.secondee.id, target))).toBe(true);
    expect((await server.store.raiseWall(DEMO_USERS.secondee.id, target))).toBe(false); // once

    // A later write about that client reaches others, not the walled user.
    const partner = client(server, DEMO_TOKENS.partner);
    expect((await partner.post(`/v1/clients/${target}/needs`, { title: 'Fund restructuring', practiceArea: 'Finance' }, { 'Idempotency-Key': 'feed-wall' })).status).toBe(201);

    const delta = await drain(secondee, cursor);
    expect(delta.all).toEqual([{ type: 'access.revoke', clientId: target }]);
    await problem(await secondee.get(`/v1/clients/${target}/context`), 404);

    // A fresh sync neither shows the client nor announces a revoke (nothing to purge, nothing to leak).
    const fresh = await drain(secondee);
    expect(fresh.all.filter((c) => clientOf(c) === target)).toEqual([]);
    expect(tally(fresh.all)).toEqual((await server.store.counts(DEMO_USERS.secondee.id)));

    // Lifting the wall sends the client back.
    expect((await server.store.liftWall(DEMO_USERS.secondee.id, target))).toBe(true);
    const back = await drain(secondee, delta.cursor);
    expect(back.all.find((c) => c.type === 'client.upsert')).toMatchObject({ client: { id: target } });
    expect(back.all.filter((c) => c.type === 'need.upsert').length).toBe((await server.store.countNeeds(target)));
  });

  it('a client the user was shown is revoked when walled, even one newer than the cursor or after a restart from 0; one never shown is not', async () => {
    const secondee = client(server, DEMO_TOKENS.secondee);
    const { cursor } = await drain(secondee);
    const shown = 'c-shown-after-cursor';
    const refused = 'c-refused-after-cursor';
    await server.store.insertClient({ id: shown, name: 'Shown Later Ltd', industry: 'Retail', externalIds: [] });
    await server.store.insertClient({ id: refused, name: 'Refused Later Ltd', industry: 'Retail', externalIds: [] });
    // The look-up puts the client in the cache before the feed (still at `cursor`) reaches it.
    expect((await secondee.get(`/v1/clients/${shown}/context`)).status).toBe(200);
    // A request the wall refused tells the user nothing, and earns no revoke either.
    expect(await server.store.raiseWall(DEMO_USERS.secondee.id, refused)).toBe(true);
    await problem(await secondee.get(`/v1/clients/${refused}/context`), 404);
    expect(await server.store.raiseWall(DEMO_USERS.secondee.id, shown)).toBe(true);

    const revokes = (changes: Change[]) => changes.flatMap((c) => (c.type === 'access.revoke' ? [c.clientId] : []));
    expect(revokes((await drain(secondee, cursor)).all)).toEqual([shown]);
    // A cache that restarted its feed from 0 (after the firm's maximum age) still holds what was viewed lately.
    const fresh = revokes((await drain(secondee)).all);
    expect(fresh).toContain(shown);
    expect(fresh).not.toContain(refused);
  });

  it('a client named only among a resolve\'s several matches is revoked when walled; a resolve that named it to someone else earns this user nothing', async () => {
    const secondee = client(server, DEMO_TOKENS.secondee);
    const partner = client(server, DEMO_TOKENS.partner);
    const { cursor } = await drain(secondee);
    const record = { system: 'clio', kind: 'matter', externalId: 'shared-matter-77', tenant: null } as const;
    const [named, sibling, otherUsers] = ['c-named-in-matches', 'c-sibling-in-matches', 'c-named-to-partner'];
    await server.store.insertClient({ id: named, name: 'Named Twice Ltd', industry: 'Retail', externalIds: [record] });
    await server.store.insertClient({ id: sibling, name: 'Named Twice Holdings', industry: 'Retail', externalIds: [record] });
    await server.store.insertClient({ id: otherUsers, name: 'Partner Only Ltd', industry: 'Retail', externalIds: [{ ...record, externalId: 'partner-matter-78' }] });
    // The extension caches both matches' names (the sidebar asks which one is meant).
    const matches = await secondee.get('/v1/resolve?system=clio&kind=matter&externalId=shared-matter-77');
    expect(((await matches.json()) as { matches: { id: string }[] }).matches.map((m) => m.id).sort()).toEqual([sibling, named].sort());
    expect((await partner.get('/v1/resolve?system=clio&kind=matter&externalId=partner-matter-78')).status).toBe(200);
    expect(await server.store.raiseWall(DEMO_USERS.secondee.id, named)).toBe(true);
    expect(await server.store.raiseWall(DEMO_USERS.secondee.id, otherUsers)).toBe(true);

    const revokes = (changes: Change[]) => changes.flatMap((c) => (c.type === 'access.revoke' ? [c.clientId] : []));
    expect(revokes((await drain(secondee, cursor)).all)).toEqual([named]);
    expect(revokes((await drain(secondee)).all)).not.toContain(otherUsers);
  });

  it('rejects a bad cursor or limit with 400', async () => {
    const api = client(server);
    for (const q of ['since=abc', 'since=-1', 'since=1.5', 'limit=0', 'limit=5001', 'limit=x']) {
      const p = await problem(await api.get(`/v1/changes?${q}`), 400);
      expect(p.errors?.length).toBeGreaterThan(0);
    }
  });
});

describe('a 20,000-client book', () => {
  it('pages out completely: default 1,000 a page, max 5,000', async () => {
    const big = await start(tmp.file('large.sqlite'), { seed: true });
    try {
      const size = await seedLargeBook(big.store, { clients: 20_000, secondments: 5_000, needs: 50_000 });
      expect(size).toEqual({ clients: 20_000, secondments: 5_000, needs: 50_000 });
      const api = client(big, DEMO_TOKENS.partner);

      const first = await ok(await api.get('/v1/changes'), ChangesPage);
      expect(first.changes).toHaveLength(1000);
      expect(first.hasMore).toBe(true);

      const { all, pages } = await drain(api, '0', 5000);
      const expected = (await big.store.counts(DEMO_USERS.partner.id));
      expect(expected.clients).toBeGreaterThanOrEqual(20_000);
      expect(tally(all)).toEqual(expected);
      expect(pages).toBe(Math.ceil(all.length / 5000)); // hasMore is false on a final full page
    } finally {
      await big.close();
    }
  }, 120_000);
});

describe('GET /v1/changes compression', () => {
  /** The raw bytes as they travel (node:http does not decode), with the encoding the server chose. */
  const raw = (acceptEncoding: string | null) => new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${DEMO_TOKENS.partner}` };
    if (acceptEncoding) headers['accept-encoding'] = acceptEncoding;
    http.get(`${server.url}/v1/changes?since=0&limit=5000`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });

  it('gzips the feed for a client that accepts it, and the page decodes to the same answer', async () => {
    const plain = await raw(null);
    const zipped = await raw('gzip, deflate, br');
    expect(plain.encoding).toBeUndefined();
    expect(zipped.encoding).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 4);
    const page = ChangesPage.parse(JSON.parse(gunzipSync(zipped.body).toString('utf8')));
    expect(page).toEqual(ChangesPage.parse(JSON.parse(plain.body.toString('utf8'))));
  });
});
