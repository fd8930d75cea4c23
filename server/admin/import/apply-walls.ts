import { validateWalls, WALLS_SPEC, type WallRow } from '../../import';
import type { Importer } from './run-import';
import { resolveClient } from './resolve-client';

/** Ethical walls from the conflicts system (an Intapp Walls export, say): user email + client. */
export const wallsImporter: Importer<WallRow> = {
  entity: 'walls',
  fields: WALLS_SPEC.fields,
  validate: validateWalls,
  async apply(store, row) {
    const user = await store.users.byEmail(row.userEmail);
    if (!user) return { reject: `unknown user ${row.userEmail} (import users first)` };
    const client = await resolveClient(store, row);
    if ('reject' in client) return client;
    return await store.raiseWall(user.id, client.id) ? 'created' : 'unchanged';
  },
};
