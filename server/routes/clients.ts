import type { Hono } from 'hono';
import { ClientList, NewMapping, ResolveResult } from '../../lib/contract';
import { ClientSearchQuery, honoPath, ResolveQuery, routes } from '../../lib/contract/api-routes';
import { requireClientAccess } from '../access';
import { readJson, readQuery } from '../body';
import type { AppDeps, AppEnv } from '../env';

/** Finding a client: by name, by a PMS record, and linking a PMS record to a client. */
export function clientRoutes(app: Hono<AppEnv>, { store }: AppDeps) {
  app.get(honoPath(routes.searchClients.path), (c) => {
    const { query } = readQuery(c, ClientSearchQuery);
    return c.json(ClientList.parse({ clients: store.searchClients(c.get('user').id, query.trim(), 50) }));
  });

  app.get(honoPath(routes.resolveRecord.path), (c) => {
    const q = readQuery(c, ResolveQuery);
    return c.json(ResolveResult.parse({ matches: store.resolve(c.get('user').id, q) }));
  });

  app.post(honoPath(routes.createMapping.path), async (c) => {
    const body = await readJson(c, NewMapping);
    const clientId = requireClientAccess(store, c.get('user'), body.clientId);
    const created = store.addMapping(clientId, body.record);
    // 201 when linked now, 200 when the link was already there (a retry): idempotent either way.
    return c.json(store.getClient(clientId)!, created ? 201 : 200);
  });
}
