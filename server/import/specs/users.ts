import { z } from 'zod';
import { UserRole } from '../../../lib/contract/user';
import type { FieldSpec } from '../headers';
import { validateRows, type RowSpec, type ValidateOptions } from '../row-spec';
import type { Table } from '../table';
import { Vocabulary, keyText } from '../values';
import { EmailCell, NameCell, ShortCell } from './text-schemas';

/** A firm user from a directory export: `users import` / `users add` (issue 10). */
export const UserRow = z.object({
  name: NameCell,
  /** Lower-cased: the admin command finds users by email (`users disable <email>`). */
  email: EmailCell,
  role: UserRole,
  title: ShortCell,
});
export type UserRow = z.infer<typeof UserRow>;

export const USER_FIELDS: readonly FieldSpec[] = [
  { key: 'email', label: 'email', required: true, synonyms: ['email address', 'e-mail', 'work email', 'mail', 'login', 'user email', 'upn'] },
  { key: 'name', label: 'name', required: true, synonyms: ['full name', 'display name', 'person', 'lawyer', 'user', 'employee'] },
  { key: 'role', label: 'role', required: true, synonyms: ['lens role', 'access role', 'user role', 'type'] },
  { key: 'title', label: 'title', synonyms: ['job title', 'position', 'grade', 'designation'] },
];

export const USER_ROLES = new Vocabulary<UserRow['role']>('role', {
  lawyer: ['fee earner', 'partner', 'associate', 'solicitor', 'counsel', 'attorney', 'trainee', 'secondee'],
  bd: ['business development', 'biz dev', 'bizdev', 'marketing', 'bd and marketing'],
  risk: ['risk and compliance', 'compliance', 'risk management', 'conflicts', 'general counsel office'],
});

/** Natural key of a user: the email address, case aside. */
export const userNaturalKey = (user: UserRow): string => keyText(user.email);

export const USERS_SPEC: RowSpec<UserRow> = {
  entity: 'users',
  fields: USER_FIELDS,
  schema: UserRow,
  naturalKey: userNaturalKey,
  naturalKeyWords: 'email',
  bind: () => (row) => ({
    name: row.requiredLine('name', 'name'),
    email: row.requiredLine('email', 'email').toLowerCase(),
    role: row.pick('role', 'role', USER_ROLES),
    title: row.line('title'),
  }),
};

export const validateUsers = (table: Table, options?: ValidateOptions) => validateRows(table, USERS_SPEC, options);
