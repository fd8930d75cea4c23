import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback proxy in front of the reference endpoint that holds back requests whose path matches
 * a pattern until the test releases them: a slow answer on demand, for "a late answer for the
 * previous record never shows on the next". Everything else passes straight through.
 */
export async function startGateProxy(target: string) {
  let gate: RegExp | null = null;
  const held: { path: string; forward: () => void; abandoned: () => boolean }[] = [];
  const server = http.createServer((req, res) => {
    const forward = () => {
      const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => req.socket.destroy());
      req.pipe(upstream);
    };
    res.on('error', () => undefined); // a released request whose client has gone
    if (gate?.test(req.url ?? '')) {
      let closed = false;
      res.on('close', () => (closed = true));
      held.push({ path: req.url ?? '', forward, abandoned: () => closed && !res.writableFinished });
    } else forward();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** Hold requests whose path matches from now on (null: hold nothing). */
    hold(path: RegExp | null) {
      gate = path;
    },
    /** Paths of the requests held so far. */
    heldPaths: () => held.map((h) => h.path),
    /** Lets every held request through; returns how many the client had already given up on. */
    release(): number {
      gate = null;
      const abandoned = held.filter((h) => h.abandoned()).length;
      for (const h of held.splice(0)) h.forward();
      return abandoned;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
