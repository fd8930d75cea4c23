import type { Client } from '../contract/client';
import type { ExternalRecord } from '../contract/pms';

/**
 * Keys of the `clients.byRecord` multiEntry index: how a PMS record on screen finds the synced
 * client it stands for without a scan (issue 9, item 0). A key is `system|kind|externalId|tenant`,
 * the free-text parts URI-encoded so that no id can forge a separator.
 *
 * The endpoint's tenant rule (server/store/firm-store.ts, `resolve`): a record without a tenant
 * matches a mapping of any tenant, and a mapping without a tenant matches a record of any tenant;
 * tenants compare case-insensitively. Each mapping is therefore indexed under its own tenant (or
 * the empty tenant) and under ANY_TENANT, and a record looks up its tenant and the empty one, or
 * ANY_TENANT when it has none.
 */
const ANY_TENANT = '%*'; // encodeURIComponent never yields a bare `%`
const NO_TENANT = ''; // tenants are at least one character long

function key(record: Pick<ExternalRecord, 'system' | 'kind' | 'externalId'>, tenantPart: string): string {
  return `${record.system}|${record.kind}|${encodeURIComponent(record.externalId)}|${tenantPart}`;
}

const tenantOf = (tenant: string | null) => (tenant === null ? NO_TENANT : encodeURIComponent(tenant.toLowerCase()));

/** The index entries of a client: every PMS record the firm maps to it. */
export function recordIndexKeys(client: Pick<Client, 'externalIds'>): string[] {
  const keys = new Set<string>();
  for (const record of client.externalIds) {
    keys.add(key(record, tenantOf(record.tenant)));
    keys.add(key(record, ANY_TENANT));
  }
  return [...keys];
}

/** The index keys to look up for a record on screen; a client found under any of them matches. */
export function recordLookupKeys(record: ExternalRecord): string[] {
  if (record.tenant === null) return [key(record, ANY_TENANT)];
  return [key(record, tenantOf(record.tenant)), key(record, NO_TENANT)];
}
