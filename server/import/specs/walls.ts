import { z } from 'zod';
import type { FieldSpec } from '../headers';
import { validateRows, type RowSpec, type ValidateOptions } from '../row-spec';
import type { Table } from '../table';
import { keyText } from '../values';
import { EmailCell, IdCell, NameCell } from './text-schemas';

/**
 * An ethical wall from a conflicts-system export (Intapp Walls, say): this user must never see
 * this client. The client is given by the firm's client id or by name, as the row says; the
 * caller resolves it (an unknown client is a rejected row there, not here).
 */
export const WallRow = z
  .object({
    userEmail: EmailCell,
    clientId: IdCell.nullable(),
    clientName: NameCell.nullable(),
  })
  .refine((w) => w.clientId !== null || w.clientName !== null, { message: 'no client id or client name', path: ['clientId'] });
export type WallRow = z.infer<typeof WallRow>;

export const WALL_FIELDS: readonly FieldSpec[] = [
  { key: 'userEmail', label: 'user email', required: true, synonyms: ['email', 'user', 'member email', 'member', 'lawyer email', 'person email', 'screened user', 'restricted user', 'excluded user', 'login'] },
  { key: 'clientId', label: 'client id', synonyms: ['client number', 'client no', 'client code', 'client ref', 'client reference', 'firm client id', 'client key'] },
  { key: 'clientName', label: 'client name', synonyms: ['client', 'organisation', 'organization', 'company', 'entity'] },
];

/** Natural key of a wall: user email (case aside) and client id, or the client's name when no id. */
export const wallNaturalKey = (wall: WallRow): string =>
  JSON.stringify([keyText(wall.userEmail), wall.clientId !== null ? `id:${wall.clientId}` : `name:${keyText(wall.clientName ?? '')}`]);

export const WALLS_SPEC: RowSpec<WallRow> = {
  entity: 'walls',
  fields: WALL_FIELDS,
  oneOf: [['clientId', 'clientName']],
  schema: WallRow,
  pathLabels: { userEmail: 'user email', clientId: 'client', clientName: 'client name' },
  naturalKey: wallNaturalKey,
  naturalKeyWords: 'user and client',
  bind: () => (row) => {
    const clientId = row.optionalLine('clientId');
    const clientName = row.optionalLine('clientName');
    if (clientId === null && clientName === null) row.problem('client', 'no client id or client name');
    return { userEmail: row.requiredLine('userEmail', 'user email').toLowerCase(), clientId, clientName };
  },
};

export const validateWalls = (table: Table, options?: ValidateOptions) => validateRows(table, WALLS_SPEC, options);
