import type { Hono } from 'hono';
import { MAPPINGS_PER_CLIENT_MAX, MappingList, NewMapping } from '../../lib/contract';
import { honoPath, routes } from '../../lib/contract/api-routes';
import { noteAudit, requireClientAccess } from '../access';
import { readJson } from '../body';
import type { AppDeps, AppEnv } from '../env';
import { PROBLEM_TYPES, ProblemError } from '../problem';

/**
 * Links between PMS records and clients, governed: each records who made it and when; a client has
 * at most MAPPINGS_PER_CLIENT_MAX; a record already linked to a client hidden from the user cannot
 * be linked again by that user; a link is removed by its creator or by Risk & Compliance.
 */
export function mappingRoutes(app: Hono<AppEnv>, { store }: AppDeps) {
  app.post(honoPath(routes.createMapping.path), async (c) => {
    const user = c.get('user');
    noteAudit(c, 'mapping.create');
    const body = await readJson(c, NewMapping);
    const clientId = await requireClientAccess(c, store, body.clientId);
    noteAudit(c, 'mapping.create', { clientId, target: `${body.record.system} ${body.record.kind} ${body.record.externalId}` });

    const linked = await store.clientsLinkedTo(body.record);
    const walled = await Promise.all(linked.filter((id) => id !== clientId).map((id) => store.isWalled(user.id, id)));
    if (walled.includes(true)) {
      // Says nothing of which client, nor that there is one: only that this link is not the user's to make.
      throw new ProblemError(422, 'This record cannot be linked from your account. Ask Risk & Compliance to link it.');
    }
    if (!linked.includes(clientId) && await store.countMappings(clientId) >= MAPPINGS_PER_CLIENT_MAX) {
      throw new ProblemError(422, `This client already has ${MAPPINGS_PER_CLIENT_MAX} linked records, the most allowed. Ask Risk & Compliance to remove links that are no longer used.`, { type: PROBLEM_TYPES.mappingLimit });
    }
    const { created, mapping } = await store.addMapping(clientId, body.record, { id: user.id, name: user.name });
    noteAudit(c, 'mapping.create', { clientId, target: mapping.id });
    // 201 when linked now, 200 when the link was already there (a retry): idempotent either way.
    return c.json((await store.getClient(clientId))!, created ? 201 : 200, { Location: `/v1/mappings/${encodeURIComponent(mapping.id)}` });
  });

  app.get(honoPath(routes.listMappings.path), async (c) => {
    noteAudit(c, 'mappings.list');
    const clientId = await requireClientAccess(c, store, c.req.param('id'));
    noteAudit(c, 'mappings.list', { clientId });
    return c.json(MappingList.parse({ mappings: await store.listMappings(clientId) }));
  });

  app.delete(honoPath(routes.deleteMapping.path), async (c) => {
    const user = c.get('user');
    const id = c.req.param('id') ?? '';
    noteAudit(c, 'mapping.delete', { target: id.slice(0, 64) });
    const mapping = await store.getMapping(id);
    // A link on a client hidden from the user answers as a link that does not exist.
    if (!mapping || await store.isWalled(user.id, mapping.clientId)) {
      if (mapping) noteAudit(c, 'access.refused', { clientId: mapping.clientId, target: `mapping.delete ${mapping.id}` });
      throw new ProblemError(404, 'No link with this id.');
    }
    noteAudit(c, 'mapping.delete', { clientId: mapping.clientId, target: mapping.id });
    const own = mapping.createdBy?.userId === user.id;
    if (!own && user.role !== 'risk') throw new ProblemError(403, 'Only whoever made this link, or Risk & Compliance, may remove it.');
    await store.deleteMapping(mapping.id);
    return c.body(null, 204);
  });
}
