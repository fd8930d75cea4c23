import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** How the proxy answers the next matching requests. */
export type Fault =
  /** Forward to the endpoint and relay its answer unchanged. */
  | { kind: 'pass' }
  /** Answer with this status WITHOUT forwarding: the endpoint never sees the request. */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /** Answer 200 with this body WITHOUT forwarding. */
  | { kind: 'body'; body: string; contentType?: string }
  /** Accept and never answer, WITHOUT forwarding (the endpoint never sees it). */
  | { kind: 'hang' }
  /** Close the connection at once, WITHOUT forwarding. */
  | { kind: 'drop' }
  /**
   * Forward, let the endpoint answer in full (it has committed the write), then close the
   * connection without a byte of that answer: "the endpoint commits, the connection dies".
   */
  | { kind: 'forward-then-drop' }
  /** Forward, let the endpoint answer in full, then never answer the client (it times out). */
  | { kind: 'forward-then-hang' }
  /** Forward, let the endpoint answer in full, then answer the client with this status instead. */
  | { kind: 'forward-then-status'; status: number; headers?: Record<string, string>; body?: string }
  /** Forward, let the endpoint answer in full, then relay its status with this (unreadable) body. */
  | { kind: 'forward-then-garble'; body: string }
  /**
   * Forward a `GET /v1/changes`, then insert `change` (default: a need.upsert that fails the
   * contract) into the page's `changes` at `at` (default: the middle) before relaying it. Pages
   * that are not JSON with a `changes` array pass unchanged.
   */
  | { kind: 'inject-invalid-change'; change?: unknown; at?: number };

/** What `inject-invalid-change` inserts unless told otherwise: a need without most of its fields. */
export const INVALID_CHANGE = { type: 'need.upsert', need: { id: 'n-poison', title: 42 } };

/**
 * A loopback HTTP proxy in front of the reference endpoint that can misbehave on purpose: the
 * extension sees real sockets, real status codes and real broken bodies. The `forward-then-*`
 * modes reach the real endpoint first, so "delivered once with the same key" is tested for real.
 */
export async function startFaultProxy(target: string, options: { latencyMs?: number } = {}) {
  let fault: Fault = { kind: 'pass' };
  let onlyPath: RegExp | null = null;
  let remaining = Number.POSITIVE_INFINITY;
  /** When set, every `GET /v1/changes` asks the endpoint for this many changes (see `feedPageSize`). */
  let feedLimit: number | null = null;
  const hanging = new Set<http.ServerResponse>();
  const seen: string[] = [];
  /** Every request with its headers (Idempotency-Key, If-Match…), in order. */
  const received: { method: string; url: string; headers: http.IncomingHttpHeaders; at: number }[] = [];
  /** One-off faults for matching requests (`inject`), used before the standing fault of `set`. */
  const injected: { match: RegExp; fault: Fault; remaining: number }[] = [];
  /** When each request arrived (ms since epoch), in order. */
  const arrivals: { at: number; request: string }[] = [];
  /** Requests passed through whose whole answer has been handed to the client, in order. */
  const delivered: string[] = [];
  /** Requests the endpoint answered but whose answer the client never got (forward-then-drop/hang/status). */
  const swallowed: { request: string; status: number; body: string }[] = [];

  /** Sends the request on to the endpoint; resolves with its whole answer (or null if it failed). */
  const forwardBuffered = (req: http.IncomingMessage) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer } | null>((resolve) => {
      const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
        answer.on('error', () => resolve(null));
      });
      upstream.on('error', () => resolve(null));
      req.pipe(upstream);
    });

  // `latencyMs`: each request waits this long before it is handled, as if the endpoint were that far
  // away (one round trip per request; the bench's cached-vs-cold comparison uses 150 ms).
  const server = http.createServer((req, res) => {
    if (options.latencyMs) setTimeout(() => handle(req, res), options.latencyMs);
    else handle(req, res);
  });
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const request = `${req.method} ${req.url}`;
    seen.push(request);
    arrivals.push({ at: Date.now(), request });
    received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, at: Date.now() });
    res.on('error', () => undefined);
    if (feedLimit !== null && req.url?.startsWith('/v1/changes')) {
      const url = new URL(req.url, 'http://proxy');
      url.searchParams.set('limit', String(feedLimit));
      req.url = `${url.pathname}${url.search}`;
    }
    const once = injected.find((r) => r.remaining > 0 && r.match.test(request));
    const matches = !onlyPath || onlyPath.test(`${req.method} ${req.url ?? ''}`);
    let active: Fault = { kind: 'pass' };
    if (once) {
      once.remaining--;
      active = once.fault;
    } else if (matches && remaining > 0) {
      remaining--;
      active = fault;
    }
    switch (active.kind) {
      case 'hang':
        hanging.add(res);
        return;
      case 'drop':
        req.socket.destroy();
        return;
      case 'status':
        res.writeHead(active.status, { 'Content-Type': 'application/problem+json', ...active.headers });
        res.end(active.body ?? JSON.stringify({ type: 'about:blank', title: `Injected ${active.status}`, status: active.status }));
        return;
      case 'body':
        res.writeHead(200, { 'Content-Type': active.contentType ?? 'application/json' });
        res.end(active.body);
        return;
      case 'forward-then-drop':
      case 'forward-then-hang':
      case 'forward-then-status':
      case 'forward-then-garble':
        void forwardBuffered(req).then((answer) => {
          swallowed.push({ request, status: answer?.status ?? 0, body: answer?.body.toString('utf8') ?? '' });
          if (active.kind === 'forward-then-drop') req.socket.destroy();
          else if (active.kind === 'forward-then-hang') hanging.add(res);
          else if (active.kind === 'forward-then-garble') {
            res.writeHead(answer?.status ?? 502, { 'Content-Type': 'application/json' });
            res.end(active.body);
          }
          else {
            res.writeHead(active.status, { 'Content-Type': 'application/problem+json', ...active.headers });
            res.end(active.body ?? JSON.stringify({ type: 'about:blank', title: `Injected ${active.status}`, status: active.status }));
          }
        });
        return;
      case 'inject-invalid-change':
        void forwardBuffered(req).then((answer) => {
          if (!answer) return req.socket.destroy();
          // The endpoint gzips the feed for browsers: the page is edited, and relayed, decoded.
          const gzipped = answer.headers['content-encoding'] === 'gzip';
          let body = gzipped ? gunzipSync(answer.body) : answer.body;
          try {
            const page = JSON.parse(body.toString('utf8')) as { changes?: unknown[] };
            if (answer.status === 200 && Array.isArray(page.changes)) {
              const at = Math.min(active.at ?? Math.floor(page.changes.length / 2), page.changes.length);
              page.changes.splice(at, 0, active.change ?? INVALID_CHANGE);
              body = Buffer.from(JSON.stringify(page));
            }
          } catch {
            // not JSON: relayed as it came
          }
          const headers = { ...answer.headers, 'content-length': String(body.byteLength) };
          delete headers['transfer-encoding'];
          delete headers['content-encoding'];
          delete headers.etag;
          res.writeHead(answer.status, headers);
          res.end(body);
        });
        return;
      case 'pass': {
        const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.on('finish', () => delivered.push(request));
          answer.pipe(res);
        });
        upstream.on('error', () => req.socket.destroy());
        req.pipe(upstream);
      }
    }
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    delivered,
    arrivals,
    swallowed,
    /**
     * Misbehave on requests whose `METHOD /path` matches `match` (all when omitted), for the next
     * `times` of them (for ever when omitted); then pass them through again.
     */
    /**
     * Feed pages of `n` changes whatever size the extension asks for (null: as asked), so that a
     * test can make each page's write last long enough to be interrupted inside it.
     */
    feedPageSize(n: number | null) {
      feedLimit = n;
    },
    /** Requests whose `METHOD /path` matches, with their headers. */
    requests: (match: RegExp) => received.filter((r) => match.test(`${r.method} ${r.url}`)),
    /** Misbehave on the next `times` requests matching `match` (before any standing fault of `set`). */
    inject(match: RegExp, next: Fault, times = 1) {
      injected.push({ match, fault: next, remaining: times });
    },
    set(next: Fault, match?: RegExp, times = Number.POSITIVE_INFINITY) {
      fault = next;
      onlyPath = match ?? null;
      remaining = times;
    },
    async close() {
      for (const res of hanging) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
