import type { Hono } from 'hono';
import { CandidateFlag, CandidateFlagInput } from '../../lib/contract';
import { honoPath, routes } from '../../lib/contract/api-routes';
import { requireClientAccess, requireRole } from '../access';
import { readJson } from '../body';
import type { AppDeps, AppEnv } from '../env';

/** Candidate flags: set (PUT is naturally idempotent) and clear; business development only. */
export function flagRoutes(app: Hono<AppEnv>, { store }: AppDeps) {
  const path = honoPath(routes.putCandidateFlag.path);

  app.put(path, async (c) => {
    const user = c.get('user');
    requireRole(user, 'bd', 'flag a client as a secondment candidate');
    const clientId = requireClientAccess(store, user, c.req.param('id'));
    const input = await readJson(c, CandidateFlagInput);
    const flag = store.setFlag(CandidateFlag.parse({
      clientId,
      flaggedBy: { userId: user.id, name: user.name },
      flaggedAt: new Date().toISOString(),
      reason: input.reason,
      priority: input.priority,
    }));
    return c.json(flag, 200);
  });

  app.delete(path, (c) => {
    const user = c.get('user');
    requireRole(user, 'bd', 'clear a candidate flag');
    const clientId = requireClientAccess(store, user, c.req.param('id'));
    store.clearFlag(clientId);
    return c.body(null, 204);
  });
}
