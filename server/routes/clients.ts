import type { Hono } from 'hono';
import { ClientList, ResolveResult } from '../../lib/contract';
import { ClientSearchQuery, honoPath, ResolveQuery, routes } from '../../lib/contract/api-routes';
import { noteAudit } from '../access';
import { readQuery } from '../body';
import type { AppDeps, AppEnv } from '../env';

/** Finding a client: by name and by a PMS record. Clients behind a wall for the caller are left out. */
export function clientRoutes(app: Hono<AppEnv>, { store }: AppDeps) {
  app.get(honoPath(routes.searchClients.path), async (c) => {
    const { query } = readQuery(c, ClientSearchQuery);
    // The audit keeps how long the search was, not what was typed (it may name a client under a wall).
    noteAudit(c, 'clients.search', { target: `query of ${query.trim().length} characters` });
    return c.json(ClientList.parse({ clients: await store.searchClients(c.get('user').id, query.trim(), 50) }));
  });

  app.get(honoPath(routes.resolveRecord.path), async (c) => {
    const q = readQuery(c, ResolveQuery);
    const matches = await store.resolve(c.get('user').id, q);
    noteAudit(c, 'record.resolve', {
      clientId: matches.length === 1 ? matches[0]!.id : null,
      // The extension caches every match's name: a wall raised later must reach each of them.
      disclosed: matches.map((m) => m.id),
      target: `${q.system} ${q.kind} ${q.externalId}${q.tenant ? ` @${q.tenant}` : ''} → ${matches.length} match(es)`,
    });
    return c.json(ResolveResult.parse({ matches }));
  });
}
