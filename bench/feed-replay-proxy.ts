import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback proxy in front of the endpoint that answers a `GET /v1/changes` it has relayed before
 * (same URL, same Authorization) from memory, byte for byte (gzip and all). A full sync through it,
 * after one that recorded the pages, measures the extension's own cost with the endpoint's work
 * taken off the two cores they otherwise share; a firm's endpoint runs on its own machine. Every
 * other request is forwarded. Bench only: it keeps whole feed pages in memory.
 */
export async function startFeedReplayProxy(target: string) {
  const recorded = new Map<string, { status: number; headers: http.OutgoingHttpHeaders; body: Buffer }>();
  /** Feed pages answered from memory, and relayed from the endpoint. */
  const counts = { replayed: 0, forwarded: 0 };
  const server = http.createServer((req, res) => {
    const key = `${req.url} ${req.headers.authorization ?? ''}`;
    const isFeed = req.method === 'GET' && (req.url ?? '').startsWith('/v1/changes');
    const hit = isFeed ? recorded.get(key) : undefined;
    if (hit) {
      counts.replayed++;
      res.writeHead(hit.status, hit.headers).end(hit.body);
      return;
    }
    if (isFeed) counts.forwarded++;
    const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        const body = Buffer.concat(chunks);
        const headers: http.OutgoingHttpHeaders = { ...answer.headers, 'content-length': body.length };
        delete headers['transfer-encoding'];
        delete headers.connection;
        if (isFeed && answer.statusCode === 200) recorded.set(key, { status: 200, headers, body });
        res.writeHead(answer.statusCode ?? 502, headers).end(body);
      });
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
