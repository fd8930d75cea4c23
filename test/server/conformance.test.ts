import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../../scripts/conformance';
import { DEMO_CLIENTS, DEMO_TOKENS } from '../../server/demo/demo-ids';
import { RateLimiter } from '../../server/rate-limit';
import type { RunningServer } from '../../server/start-server';
import { start, tempDir } from './helpers';

const tmp = tempDir();
let server: RunningServer;
beforeAll(async () => {
  server = await start(tmp.file());
});
afterAll(async () => {
  await server.close();
  tmp.remove();
});

describe('scripts/conformance.ts', () => {
  it('passes every check against the reference endpoint', async () => {
    const results = await runConformance({ url: server.url, token: DEMO_TOKENS.partner, clientId: DEMO_CLIENTS.northwind.id });
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(10);
  });

  it('reports failures of an endpoint that breaks the contract', async () => {
    // A proxy in front of the reference server that drops ETags and answers errors as plain text.
    const broken: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const headers = new Headers(res.headers);
      headers.delete('etag');
      if (res.status >= 400) headers.set('content-type', 'text/plain');
      return new Response(res.status === 304 ? null : await res.arrayBuffer(), { status: res.status, headers });
    };
    const results = await runConformance({ url: server.url, token: DEMO_TOKENS.partner, fetch: broken });
    const failed = results.filter((r) => !r.ok).map((r) => r.name);
    expect(failed).toEqual(expect.arrayContaining([
      expect.stringContaining('ETag'), expect.stringContaining('no token'), expect.stringContaining('404 problem'),
    ]));
    expect(results.find((r) => r.name.startsWith('GET /v1/me'))?.ok).toBe(true);
  });

  it('checks 404 parity behind a wall, flag preconditions, the audit trail and the rate limit, writing nothing', async () => {
    const limited = await start(tmp.file(), { limits: { user: new RateLimiter(40), address: new RateLimiter(10_000) } });
    try {
      const before = (await limited.store.getFlag(DEMO_CLIENTS.northwind.id));
      const results = await runConformance({
        url: limited.url, token: DEMO_TOKENS.secondee, clientId: DEMO_CLIENTS.northwind.id, walledClientId: DEMO_CLIENTS.harbor.id,
        bdToken: DEMO_TOKENS.bd, riskToken: DEMO_TOKENS.risk, rateLimitProbe: 200,
      });
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(results.filter((r) => r.detail?.startsWith('skipped'))).toEqual([]);
      expect(results.find((r) => r.name.startsWith('past the rate limit'))?.detail).toMatch(/^429 after \d+ requests/);
      expect((await limited.store.getFlag(DEMO_CLIENTS.northwind.id))).toEqual(before);
    } finally {
      await limited.close();
    }
  });

  it('fails the parity check against an endpoint that answers a wall with 403', async () => {
    const leaky: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (String(input).includes(`/clients/${DEMO_CLIENTS.harbor.id}/`)) return new Response(await res.text(), { status: 403, headers: res.headers });
      return res;
    };
    const results = await runConformance({ url: server.url, token: DEMO_TOKENS.secondee, walledClientId: DEMO_CLIENTS.harbor.id, fetch: leaky });
    expect(results.find((r) => r.name.startsWith('a walled client'))?.ok).toBe(false);
  });

  it('fails the sign-in checks for a wrong token', async () => {
    const results = await runConformance({ url: server.url, token: 'wrong' });
    expect(results.find((r) => r.name.startsWith('GET /v1/me'))?.ok).toBe(false);
  });
});
