import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { seedDemoFirm } from './demo/seed';
import type { AppHooks } from './env';
import { IDEMPOTENCY_PRUNE_INTERVAL_MS, IDEMPOTENCY_RETENTION_MS } from './idempotency';
import { createOidcVerifier, type OidcSettings } from './oidc-verifier';
import type { RateLimiter } from './rate-limit';
import { FirmStore } from './store/firm-store';

/** How often the audit trail's retention runs while the server is up. */
const AUDIT_PRUNE_INTERVAL_MS = 24 * 3600_000;

export type StartServerOptions = {
  /** 0 = any free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** SQLite file (its folder is created), ':memory:', or a postgres:// URL. Default data/lens.sqlite. */
  dbPath?: string;
  /** Seed the demo firm (public demo tokens!) into an empty database. Default false: `LENS_DEMO=1` asks for it. */
  seed?: boolean;
  /** Request budgets (see server/rate-limit.ts); none = unlimited. */
  limits?: { user: RateLimiter; address: RateLimiter };
  /** Take client addresses from X-Forwarded-For (behind the firm's proxy only). */
  trustProxy?: boolean;
  /** Audit rows older than this many days are pruned (the chain stays verifiable). 0 or none: kept forever. */
  auditRetentionDays?: number;
  /** Accept access tokens from the firm's identity provider as well as API tokens. */
  oidc?: OidcSettings;
  /** Log one line per request. Default false. */
  log?: boolean;
  /** Test hooks (see AppHooks). */
  hooks?: AppHooks;
};

export type RunningServer = { url: string; port: number; store: FirmStore; close(): Promise<void> };

/** Starts the reference endpoint in-process (npm run server, npm start and the end-to-end tests use it). */
export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const store = await FirmStore.open(opts.dbPath ?? 'data/lens.sqlite');
  const housekeeping = startHousekeeping(store, opts.auditRetentionDays ?? 0);
  try {
    if (opts.seed && await store.isEmpty()) await seedDemoFirm(store);
    await housekeeping.runNow();
  } catch (err) {
    housekeeping.stop();
    await store.close();
    throw err;
  }
  // Several instances share one PostgreSQL database: their budgets must be one budget.
  const limits = opts.limits && store.dialect === 'postgres'
    ? { user: opts.limits.user.sharedIn(store.sql, 'user'), address: opts.limits.address.sharedIn(store.sql, 'address') }
    : opts.limits;
  const app = createApp({ store, hooks: opts.hooks, log: opts.log, limits, trustProxy: opts.trustProxy,
    verifyJwt: opts.oidc ? createOidcVerifier(opts.oidc) : undefined,
  });

  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 8787, hostname: host }, () => resolve(s));
    s.once('error', reject);
  }).catch(async (err) => {
    housekeeping.stop();
    await store.close();
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
      housekeeping.stop();
      server.close(() => {
        void store.close().then(resolve, resolve);
      });
    })),
  };
}

/**
 * Pruning on timers, not only at start-up (a server may run for months): Idempotency-Keys past
 * their retention hourly, audit rows past the firm's retention daily. Timers do not keep Node alive.
 */
function startHousekeeping(store: FirmStore, auditRetentionDays: number) {
  const pruneKeys = async () => {
    await store.expireIdempotencyKeys(IDEMPOTENCY_RETENTION_MS);
    // A bucket idle for an hour is full again: forgetting it changes nothing.
    await store.sql.run(`DELETE FROM rate_buckets WHERE at_ms < ?`, [Date.now() - 3600_000]);
  };
  const pruneAudit = async () => {
    if (auditRetentionDays > 0) await store.audit.prune(new Date(Date.now() - auditRetentionDays * 24 * 3600_000).toISOString());
  };
  const guarded = (fn: () => Promise<unknown>) => () => {
    fn().catch((err) => console.error('Housekeeping failed (will try again):', err)); // e.g. the database is busy
  };
  const timers = [
    setInterval(guarded(pruneKeys), IDEMPOTENCY_PRUNE_INTERVAL_MS),
    setInterval(guarded(pruneAudit), AUDIT_PRUNE_INTERVAL_MS),
  ];
  for (const t of timers) t.unref();
  return {
    runNow: async () => {
      await pruneKeys();
      await pruneAudit();
    },
    stop: () => timers.forEach(clearInterval),
  };
}
