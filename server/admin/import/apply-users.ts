import { randomUUID } from 'node:crypto';
import { USERS_SPEC, type UserRow, validateUsers } from '../../import';
import type { Importer } from './run-import';

/** Users from the firm's directory, matched by email. Imported users get no token (SSO, or `tokens issue`). */
export const usersImporter: Importer<UserRow> = {
  entity: 'users',
  fields: USERS_SPEC.fields,
  validate: validateUsers,
  async apply(store, row) {
    const existing = await store.users.byEmail(row.email);
    if (!existing) {
      await store.users.insert({ id: `u-${randomUUID()}`, name: row.name, email: row.email, role: row.role, title: row.title });
      return 'created';
    }
    if (existing.name === row.name && existing.role === row.role && existing.title === row.title) return 'unchanged';
    await store.users.update(existing.id, { name: row.name, role: row.role, title: row.title });
    return 'updated';
  },
};
