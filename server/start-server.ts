import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { seedDemoFirm } from './demo/seed';
import type { AppHooks } from './env';
import { IDEMPOTENCY_RETENTION_MS } from './idempotency';
import { FirmStore } from './store/firm-store';

export type StartServerOptions = {
  /** 0 = any free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** SQLite file (its folder is created) or ':memory:'. Default data/lens.sqlite. */
  dbPath?: string;
  /** Seed the demo firm into an empty database. Default true. */
  seed?: boolean;
  /** Log one line per request. Default false. */
  log?: boolean;
  /** Test hooks (see AppHooks). */
  hooks?: AppHooks;
};

export type RunningServer = { url: string; port: number; store: FirmStore; close(): Promise<void> };

/** Starts the reference endpoint in-process (npm run server, npm start and the end-to-end tests use it). */
export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const store = new FirmStore(opts.dbPath ?? 'data/lens.sqlite');
  try {
    if ((opts.seed ?? true) && store.isEmpty()) seedDemoFirm(store);
    store.expireIdempotencyKeys(IDEMPOTENCY_RETENTION_MS);
  } catch (err) {
    store.close();
    throw err;
  }
  const app = createApp({ store, hooks: opts.hooks, log: opts.log });

  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 8787, hostname: host }, () => resolve(s));
    s.once('error', reject);
  }).catch((err) => {
    store.close();
    throw err;
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    store,
    close: () => (closing ??= new Promise<void>((resolve) => {
      // Keep-alive sockets would hold close() open: end them.
      if ('closeAllConnections' in server) (server as import('node:http').Server).closeAllConnections();
      server.close(() => {
        store.close();
        resolve();
      });
    })),
  };
}
