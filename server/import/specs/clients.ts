import { z } from 'zod';
import { MAPPINGS_PER_CLIENT_MAX } from '../../../lib/contract/client';
import { ExternalRecord } from '../../../lib/contract/pms';
import type { FieldSpec } from '../headers';
import { validateRows, type RowSpec, type ValidateOptions } from '../row-spec';
import type { Table } from '../table';
import { keyText } from '../values';
import { canonicalTenant, findPmsColumns, splitIds } from './pms-columns';
import { IdCell, NameCell, ShortCell } from './text-schemas';

/**
 * A client from a CRM export: name, industry, the firm's own client id when the export has one,
 * and the PMS records (ExternalRecord, lib/contract/pms) that stand for it.
 */
export const ClientRow = z.object({
  clientId: IdCell.nullable(),
  name: NameCell,
  industry: ShortCell,
  externalIds: z.array(ExternalRecord).max(MAPPINGS_PER_CLIENT_MAX, `more than ${MAPPINGS_PER_CLIENT_MAX} PMS records`),
});
export type ClientRow = z.infer<typeof ClientRow>;

export const CLIENT_FIELDS: readonly FieldSpec[] = [
  { key: 'clientId', label: 'client id', synonyms: ['client number', 'client no', 'client code', 'client ref', 'client reference', 'firm client id'] },
  { key: 'name', label: 'name', required: true, synonyms: ['client', 'client name', 'organisation', 'organization', 'company', 'company name', 'account name', 'account', 'host', 'legal name'] },
  { key: 'industry', label: 'industry', synonyms: ['sector', 'industry sector', 'vertical', 'client industry'] },
];

/** Natural key of a client: the firm's client id when the row has one, else its name (case and spacing aside). */
export const clientNaturalKey = (client: ClientRow): string =>
  client.clientId !== null ? `id:${client.clientId}` : `name:${keyText(client.name)}`;

export const CLIENTS_SPEC: RowSpec<ClientRow> = {
  entity: 'clients',
  fields: CLIENT_FIELDS,
  schema: ClientRow,
  pathLabels: { clientId: 'client id' },
  naturalKey: clientNaturalKey,
  naturalKeyWords: 'client id, or name where there is no id',
  bind: ({ headers, columns }) => {
    const pms = findPmsColumns(headers, new Set(columns.values()));
    return (row) => {
      const externalIds: ExternalRecord[] = [];
      for (const col of pms.ids) {
        const tenantColumn = pms.tenants.find((t) => t.system === col.system)?.column;
        const tenant = tenantColumn === undefined ? null : canonicalTenant(col.def, row.cells[tenantColumn] ?? '');
        for (const text of splitIds(row.cells[col.column] ?? '')) {
          const externalId = col.def.id(text);
          if (externalId === null) row.problem(col.header, `"${text}" is not an id (${col.def.idHint})`);
          else externalIds.push({ system: col.system, kind: col.kind, externalId, tenant });
        }
      }
      return { clientId: row.optionalLine('clientId'), name: row.requiredLine('name', 'name'), industry: row.line('industry'), externalIds };
    };
  },
};

export const validateClients = (table: Table, options?: ValidateOptions) => validateRows(table, CLIENTS_SPEC, options);
