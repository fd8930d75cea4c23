import type { Hono } from 'hono';
import { ChangesPage } from '../../lib/contract';
import { ChangesQuery, honoPath, routes } from '../../lib/contract/api-routes';
import { readQuery } from '../body';
import type { AppDeps, AppEnv } from '../env';

/** The per-user delta feed that keeps the extension's cache in step. */
export function changesRoutes(app: Hono<AppEnv>, { store }: AppDeps) {
  app.get(honoPath(routes.getChanges.path), (c) => {
    const { since, limit } = readQuery(c, ChangesQuery);
    const page = store.changes(c.get('user').id, Number(since), limit);
    // Responses are validated in tests; parsing 5,000 entries on every page here would cost more than it protects.
    return c.json(page satisfies ChangesPage, 200, { 'Cache-Control': 'private, no-store' });
  });
}
