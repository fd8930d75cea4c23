import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the proxy answers the next matching requests. */
export type Fault =
  | { kind: 'pass' }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'body'; body: string; contentType?: string } // 200 with this body
  | { kind: 'hang' } // accept and never answer
  | { kind: 'drop' }; // close the connection at once

/**
 * A loopback HTTP proxy in front of the reference endpoint that can misbehave on purpose: the
 * extension sees real sockets, real status codes and real broken bodies.
 */
export async function startFaultProxy(target: string) {
  let fault: Fault = { kind: 'pass' };
  let onlyPath: RegExp | null = null;
  let remaining = Number.POSITIVE_INFINITY;
  const hanging = new Set<http.ServerResponse>();
  const seen: string[] = [];
  /** When each request arrived (ms since epoch), in order. */
  const arrivals: { at: number; request: string }[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    arrivals.push({ at: Date.now(), request: `${req.method} ${req.url}` });
    const matches = !onlyPath || onlyPath.test(`${req.method} ${req.url ?? ''}`);
    const active = matches && remaining > 0 ? fault : { kind: 'pass' as const };
    if (matches && remaining > 0) remaining--;
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
      case 'pass': {
        const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        upstream.on('error', () => req.socket.destroy());
        req.pipe(upstream);
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    arrivals,
    /**
     * Misbehave on requests whose `METHOD /path` matches `match` (all when omitted), for the next
     * `times` of them (for ever when omitted); then pass them through again.
     */
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
