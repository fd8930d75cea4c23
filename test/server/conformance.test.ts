import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../../scripts/conformance';
import { DEMO_CLIENTS, DEMO_TOKENS } from '../../server/demo/demo-ids';
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

  it('fails the sign-in checks for a wrong token', async () => {
    const results = await runConformance({ url: server.url, token: 'wrong' });
    expect(results.find((r) => r.name.startsWith('GET /v1/me'))?.ok).toBe(false);
  });
});
