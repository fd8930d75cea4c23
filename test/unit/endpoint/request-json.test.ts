import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requestJson, retryAfter } from '@/lib/endpoint/request-json';

// A real HTTP server on loopback answering per path, so the client meets real sockets and bodies.
let server: http.Server;
let base = '';
const seen: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers);
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(body);
    };
    switch (req.url) {
      case '/ok': return send(200, JSON.stringify({ name: 'Northwind' }), { ETag: '"v1"' });
      case '/not-modified': return req.headers['if-none-match'] === '"v1"' ? send(304, '') : send(200, '{"name":"x"}');
      case '/schema': return send(200, JSON.stringify({ name: 42 }));
      case '/malformed': return send(200, '{"name": ');
      case '/big': return send(200, JSON.stringify({ name: 'x'.repeat(5000) }));
      case '/problem': return send(422, JSON.stringify({ type: 'about:blank', title: 'Bad title', status: 422, errors: [{ path: 'title', message: 'Too long' }] }), { 'Content-Type': 'application/problem+json' });
      case '/busy': return send(503, 'down', { 'Retry-After': '7' });
      case '/hang': return; // never answers
      default: return send(404, '{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const Named = z.object({ name: z.string() });
const call = (path: string, extra: Partial<Parameters<typeof requestJson>[0]> = {}) =>
  requestJson({ url: `${base}${path}`, token: 'secret-token', schema: Named, timeoutMs: 2_000, maxBytes: 1_000, ...extra });

describe('a call to the firm endpoint', () => {
  it('returns the validated body and its ETag, sending the bearer token', async () => {
    expect(await call('/ok')).toEqual({ ok: true, value: { name: 'Northwind' }, etag: '"v1"', status: 200 });
    expect(seen.at(-1)?.authorization).toBe('Bearer secret-token');
  });

  it('sends If-None-Match and reports 304 as not modified', async () => {
    expect(await call('/not-modified', { etag: '"v1"' })).toEqual({ ok: true, notModified: true });
  });

  it.each([
    ['/schema', 'invalid-response'],
    ['/malformed', 'invalid-response'],
    ['/big', 'too-large'],
  ])('refuses %s as %s', async (path, kind) => {
    const result = await call(path);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe(kind);
  });

  it('reads problem details and Retry-After from errors', async () => {
    const problem = await call('/problem');
    expect(!problem.ok && problem.error).toMatchObject({ kind: 'http', status: 422, problem: { title: 'Bad title', errors: [{ path: 'title' }] } });
    const busy = await call('/busy');
    expect(!busy.ok && busy.error).toMatchObject({ kind: 'http', status: 503, problem: null, retryAfterMs: 7_000 });
  });

  it('gives up on an endpoint that does not answer, and on one that is not there', async () => {
    const hung = await call('/hang', { timeoutMs: 300 });
    expect(!hung.ok && hung.error).toEqual({ kind: 'timeout', afterMs: 300 });
    const gone = await requestJson({ url: 'http://127.0.0.1:9/x', token: 't', schema: Named, timeoutMs: 2_000, maxBytes: 1_000 });
    expect(!gone.ok && gone.error.kind).toBe('network');
  });

  it('understands Retry-After as seconds or as a date', () => {
    expect(retryAfter('120')).toBe(120_000);
    expect(retryAfter(new Date(10_000 + 5_000).toUTCString(), 10_000)).toBe(5_000);
    expect(retryAfter('soon')).toBeNull();
  });
});
