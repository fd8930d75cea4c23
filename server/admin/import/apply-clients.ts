import { randomUUID } from 'node:crypto';
import { CLIENTS_SPEC, type ClientRow, validateClients } from '../../import';
import { MAPPINGS_PER_CLIENT_MAX } from '../../../lib/contract';
import type { Importer } from './run-import';

/**
 * Clients from the CRM: matched by the firm's client id when the file has one, else by name. New
 * clients keep the firm's id, or get an opaque one (never their name). PMS record ids are added,
 * never removed (a link users made stays).
 */
export const clientsImporter: Importer<ClientRow> = {
  entity: 'clients',
  fields: CLIENTS_SPEC.fields,
  validate: validateClients,
  async apply(store, row) {
    let id = row.clientId;
    if (!id) {
      const named = await store.clientIdsNamed(row.name);
      if (named.length > 1) return { reject: `${named.length} clients are named "${row.name}": add a client id column` };
      id = named[0] ?? null;
    }
    const existing = id ? await store.getClient(id) : null;
    if (!existing) {
      await store.insertClient({ id: id ?? `c-${randomUUID()}`, name: row.name, industry: row.industry, externalIds: row.externalIds });
      return 'created';
    }
    const known = new Set(existing.externalIds.map(recordKey));
    const added = row.externalIds.filter((r) => !known.has(recordKey(r)));
    if (existing.externalIds.length + added.length > MAPPINGS_PER_CLIENT_MAX) {
      return { reject: `the client would have more than ${MAPPINGS_PER_CLIENT_MAX} PMS records` };
    }
    const renamed = existing.name !== row.name || existing.industry !== row.industry;
    if (!renamed && added.length === 0) return 'unchanged';
    if (renamed) await store.updateClient(existing.id, { name: row.name, industry: row.industry });
    for (const r of added) await store.addMapping(existing.id, r, null);
    return 'updated';
  },
};

function recordKey(r: { system: string; kind: string; externalId: string; tenant: string | null }): string {
  return JSON.stringify([r.system, r.kind, r.externalId, r.tenant?.toLowerCase() ?? null]);
}
