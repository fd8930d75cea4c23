import { Hono } from 'hono';
import { bearerAuth } from './auth';
import type { AppDeps, AppEnv } from './env';
import { ProblemError, problemResponse } from './problem';
import { changesRoutes } from './routes/changes';
import { clientRoutes } from './routes/clients';
import { contextRoutes } from './routes/context';
import { flagRoutes } from './routes/flags';
import { metaRoutes } from './routes/meta';
import { needRoutes } from './routes/needs';
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

  metaRoutes(app, deps);

  app.use('/v1/*', bearerAuth(deps.store));
  sessionRoutes(app, deps);
  clientRoutes(app, deps);
  contextRoutes(app, deps);
  needRoutes(app, deps);
  flagRoutes(app, deps);
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
