import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { auditTrail } from './audit-trail';
import { bearerAuth } from './auth';
import type { AppDeps, AppEnv } from './env';
import { ProblemError, problemResponse } from './problem';
import { changesRoutes } from './routes/changes';
import { clientRoutes } from './routes/clients';
import { contextRoutes } from './routes/context';
import { flagRoutes } from './routes/flags';
import { auditRoutes } from './routes/audit';
import { mappingRoutes } from './routes/mappings';
import { metaRoutes } from './routes/meta';
import { needTriageRoutes } from './routes/need-triage';
import { needRoutes } from './routes/needs';
import { programmeRoutes } from './routes/programme';
import { sessionRoutes } from './routes/session';

/** The reference firm endpoint: unauthenticated meta routes, then everything under /v1 behind a bearer token. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  if (deps.log) {
    app.use('*', async (c, next) => {
      const started = performance.now();
      await next();
      // Path only: query strings may carry client names typed into search.
      console.log(`${c.req.method} ${new URL(c.req.url).pathname} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`);
    });
  }
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
  });

  app.use('/v1/*', auditTrail(deps.store));
  if (deps.limits) {
    const { address } = deps.limits;
    // Before authentication (and on the unauthenticated routes): a flood of guessed tokens or
    // probes is slowed down by where it comes from.
    app.use('*', async (c, next) => {
      await address.enforce(clientAddress(c, deps.trustProxy ?? false), 'this network address');
      await next();
    });
  }
  metaRoutes(app, deps);
  app.use('/v1/*', bearerAuth(deps.store, deps.limits?.user, deps.verifyJwt));
  sessionRoutes(app, deps);
  clientRoutes(app, deps);
  mappingRoutes(app, deps);
  auditRoutes(app, deps);
  contextRoutes(app, deps);
  needRoutes(app, deps);
  needTriageRoutes(app, deps);
  programmeRoutes(app, deps);
  flagRoutes(app, deps);
  // The feed is the one large answer (a full sync is tens of MB of JSON, ~10× smaller gzipped):
  // compressed when the client accepts it, as browsers always do.
  app.use('/v1/changes', compress({ encoding: 'gzip' }));
  changesRoutes(app, deps);

  app.notFound(() => {
    throw new ProblemError(404, 'No such route.');
  });
  app.onError((err, c) => {
    if (err instanceof ProblemError) return problemResponse(c, err);
    console.error('Unhandled error', err); // the client gets no internals
    return problemResponse(c, new ProblemError(500, 'Something went wrong on the server.'));
  });
  return app;
}

/** The caller's address: the socket's, or the first X-Forwarded-For hop when the firm's proxy sets it. */
function clientAddress(c: import('hono').Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not behind @hono/node-server (app.request in unit tests)
  }
}
