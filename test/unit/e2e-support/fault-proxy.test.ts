import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '@/server/demo/demo-ids';
import { startEndpoint } from '../../e2e/support/endpoint';
import { INVALID_CHANGE, startFaultProxy } from '../../e2e/support/fault-proxy';

// The fault proxy is a test instrument: its forward-then-* modes must really reach the endpoint
// (or "delivered once with the same key" would pass with a new key per retry), over real HTTP.

let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
const auth = { Authorization: `Bearer ${DEMO_TOKENS.partner}`, Accept: 'application/json' };

beforeAll(async () => {
  endpoint = await startEndpoint();
  proxy = await startFaultProxy(endpoint.url);
});
afterAll(async () => {
  await proxy.close();
  await endpoint.close();
});

describe('the fault proxy', () => {
  it('forward-then-drop: the endpoint answers in full, the client gets a dead connection', async () => {
    proxy.set({ kind: 'forward-then-drop' }, /^GET \/v1\/me/, 1);
    await expect(fetch(`${proxy.url}/v1/me`, { headers: auth })).rejects.toThrow();
    expect(proxy.swallowed.at(-1)).toMatchObject({ request: 'GET /v1/me', status: 200 });
    expect(proxy.swallowed.at(-1)!.body).toContain('u-partner');
  });

  it('forward-then-status: the endpoint answers, the client sees the injected status', async () => {
    proxy.set({ kind: 'forward-then-status', status: 503 }, /^GET \/v1\/me/, 1);
    expect((await fetch(`${proxy.url}/v1/me`, { headers: auth })).status).toBe(503);
    expect(proxy.swallowed.at(-1)).toMatchObject({ status: 200 });
  });

  it('forward-then-hang: the endpoint answers, the client waits for ever', async () => {
    proxy.set({ kind: 'forward-then-hang' }, /^GET \/v1\/me/, 1);
    const before = proxy.swallowed.length;
    await expect(fetch(`${proxy.url}/v1/me`, { headers: auth, signal: AbortSignal.timeout(1_000) })).rejects.toThrow();
    expect(proxy.swallowed.length).toBe(before + 1);
  });

  it('inject-invalid-change: one bad change in the middle of a real feed page', async () => {
    proxy.set({ kind: 'inject-invalid-change' }, /^GET \/v1\/changes/, 1);
    const page = (await (await fetch(`${proxy.url}/v1/changes?since=0&limit=4`, { headers: auth })).json()) as { changes: unknown[]; hasMore: boolean };
    expect(page.changes).toHaveLength(5);
    expect(page.changes[2]).toEqual(INVALID_CHANGE);
    expect(page.hasMore).toBe(true);
  });

  it('latencyMs: every request waits that long, then reaches the endpoint as usual', async () => {
    const far = await startFaultProxy(endpoint.url, { latencyMs: 150 });
    try {
      const started = performance.now();
      const answer = await fetch(`${far.url}/v1/me`, { headers: auth });
      expect(answer.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(145);
      expect(far.seen).toEqual(['GET /v1/me']);
    } finally {
      await far.close();
    }
  });
});
