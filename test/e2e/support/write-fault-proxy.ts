import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How the proxy treats the next matching requests. The `commit-*` modes forward the request to the
 * endpoint and let it finish (the write is committed there) before misbehaving towards the
 * extension, so "delivered exactly once" is tested against a real stored write, with the real
 * idempotency key. A stand-in until the fault proxy of wt/sync (forward-then-drop) is merged.
 */
export type WriteFault =
  | { kind: 'pass' }
  | { kind: 'commit-then-drop' } // the endpoint commits; the connection dies before the answer
  | { kind: 'commit-then-garble'; body: string } // the endpoint commits; the answer's status with an unreadable body
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }; // never reaches the endpoint

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export async function startWriteFaultProxy(target: string) {
  const rules: { match: RegExp; fault: WriteFault; remaining: number }[] = [];
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const request = `${req.method} ${req.url ?? ''}`;
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, at: Date.now() });
    const rule = rules.find((r) => r.remaining > 0 && r.match.test(request));
    if (rule) rule.remaining--;
    const fault = rule?.fault ?? { kind: 'pass' as const };
    if (fault.kind === 'status') {
      res.writeHead(fault.status, { 'Content-Type': 'application/problem+json', ...fault.headers });
      res.end(JSON.stringify(fault.body ?? { type: 'about:blank', title: `Injected ${fault.status}`, status: fault.status }));
      return;
    }
    const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
      if (fault.kind === 'pass') {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        return;
      }
      answer.resume(); // read the whole answer: the endpoint has finished the write
      answer.on('end', () => {
        if (fault.kind === 'commit-then-drop') return void req.socket.destroy();
        res.writeHead(answer.statusCode ?? 502, { 'Content-Type': 'application/json' });
        res.end(fault.body);
      });
    });
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    /** Requests whose `METHOD /path` matches. */
    requests: (match: RegExp) => seen.filter((r) => match.test(`${r.method} ${r.url}`)),
    /** Misbehave on the next `times` requests whose `METHOD /path` matches `match`. */
    inject(match: RegExp, fault: WriteFault, times = 1) {
      rules.push({ match, fault, remaining: times });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
