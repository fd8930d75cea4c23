import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { CLIO_DEMO_PAGE } from '../../scripts/chromium-with-extension';
import { DRIVER_SCRIPT } from './driver-script';
import type { ThrowawayCert } from './self-signed-cert';

/** The PMS host the content script runs on, and the bench's own host (collector, sign-in config). */
export const CLIO_HOST = 'app.clio.com';
export const BENCH_HOST = 'lens-bench.test';
/** Baked into the bench build (LENS_BENCH_REPORT_URL); its host resolves to this server at run time. */
export const BENCH_REPORT_URL = `https://${BENCH_HOST}/__bench/report`;

/** The user agent of the side-panel session's browser: its worker's config request says which session it is. */
export const SIDE_PANEL_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) LensBenchSidePanel';

/** What arrives: `source` 'host' from the page's driver, 'sidebar'/'content' from the extension. */
export type BenchEvent = { source: 'host' | 'sidebar' | 'content'; receivedAt: number } & Record<string, unknown>;
export type HostCommand = { action: 'hash'; hash: string } | { action: 'open'; url: string } | { action: 'stop' };

/**
 * One HTTPS server on loopback for the plain-Chromium harness: the demo Clio page (with the driver
 * script) at https://app.clio.com/nc/, the collector the extension reports to, the sign-in config the
 * bench build asks for, and the commands each browser session's page asks for in turn.
 */
export async function startBenchHostServer(cert: ThrowawayCert, signIn: { endpointUrl: string; token: string }) {
  const page = readFileSync(CLIO_DEMO_PAGE, 'utf8').replace('</body>', '<script src="/__bench/driver.js"></script>\n</body>');
  const events: BenchEvent[] = [];
  const listeners = new Set<() => void>();
  const waitingPages = new Map<string, (command: HostCommand) => void>();
  const queued = new Map<string, HostCommand[]>();
  let configAsked = 0;

  const record = (event: BenchEvent) => {
    events.push(event);
    for (const listener of listeners) listener();
  };
  const server = https.createServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? CLIO_HOST}`);
    const body = () => new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString('utf8')));
      req.on('end', () => resolve(text));
    });
    const send = (status: number, type: string, text: string) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' });
      res.end(text);
    };
    if (url.pathname === '/__bench/report' && req.method === 'POST') {
      void body().then((text) => {
        try {
          const event = JSON.parse(text) as { source?: unknown };
          if (event.source === 'sidebar' || event.source === 'content') record({ ...(event as BenchEvent), receivedAt: Date.now() });
        } catch { /* not ours */ }
        send(204, 'text/plain', '');
      });
    } else if (url.pathname === '/__bench/host' && req.method === 'POST') {
      void body().then((text) => {
        record({ ...(JSON.parse(text) as Record<string, unknown>), source: 'host', receivedAt: Date.now() });
        send(204, 'text/plain', '');
      });
    } else if (url.pathname === '/__bench/next') {
      const session = url.searchParams.get('session') ?? '';
      const next = queued.get(session)?.shift();
      if (next) send(200, 'application/json', JSON.stringify(next));
      else waitingPages.set(session, (command) => send(200, 'application/json', JSON.stringify(command)));
    } else if (url.pathname === '/__bench/config') {
      configAsked++;
      const sidePanel = req.headers['user-agent'] === SIDE_PANEL_USER_AGENT;
      send(200, 'application/json', JSON.stringify(sidePanel ? { ...signIn, sidebarPlacement: 'side-panel' } : signIn));
    } else if (url.pathname === '/__bench/driver.js') send(200, 'text/javascript', DRIVER_SCRIPT);
    else if (url.pathname.startsWith('/nc/')) send(200, 'text/html', page);
    else send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  /** The first event at or after `from` (index into all events) that `match` accepts. */
  const waitFor = (match: (e: BenchEvent) => boolean, timeoutMs: number, from = 0) => new Promise<BenchEvent>((resolve, reject) => {
    const check = () => {
      const found = events.slice(from).find(match);
      if (!found) return false;
      listeners.delete(check);
      clearTimeout(timer);
      resolve(found);
      return true;
    };
    const timer = setTimeout(() => {
      listeners.delete(check);
      reject(new Error(`bench: no matching event within ${timeoutMs} ms`));
    }, timeoutMs);
    listeners.add(check);
    check();
  });

  return {
    port,
    hosts: [CLIO_HOST, BENCH_HOST] as const,
    events,
    get configAsked() {
      return configAsked;
    },
    /** The page URL of a record for a browser session (its driver reads `lensBench`); null: the contacts list, no record. */
    recordUrl: (session: string, contactId: number | null) => `https://${CLIO_HOST}/nc/?lensBench=${session}#/contacts${contactId === null ? '' : `/${contactId}`}`,
    /** Hands `command` to the session's page (now if it is waiting, else when it next asks). */
    command(session: string, command: HostCommand) {
      const waiting = waitingPages.get(session);
      waitingPages.delete(session);
      if (waiting) waiting(command);
      else queued.set(session, [...(queued.get(session) ?? []), command]);
    },
    waitFor,
    async close() {
      for (const [, answer] of waitingPages) answer({ action: 'stop' });
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type BenchHostServer = Awaited<ReturnType<typeof startBenchHostServer>>;
