import type { Hono } from 'hono';
import { routes } from '../../lib/contract/api-routes';
import type { AppDeps, AppEnv } from '../env';
import { buildOpenApiDocument } from '../openapi';

/** Unauthenticated: liveness and the published contract. */
export function metaRoutes(app: Hono<AppEnv>, _deps: AppDeps) {
  let doc: unknown;
  app.get(routes.healthz.path, (c) => c.json({ ok: true as const }));
  app.get(routes.getOpenApi.path, (c) => c.json((doc ??= buildOpenApiDocument())));
}
