import type { Client } from '../contract/client';
import type { ExternalRecord } from '../contract/pms';

/**
 * Keys of the `clients.byRecord` multiEntry index: how a PMS record on screen finds the synced
 * client it stands for without a scan (issue 9, item 0). A key is `system|kind|externalId`, the id
 * URI-encoded so that no id can forge a separator. The tenant is left out of the key (one entry per
 * mapping keeps the index small on a 20,000-client book) and checked on the few rows found, with
 * the endpoint's rule (server/store/firm-store.ts, `resolve`): a record without a tenant matches a
 * mapping of any tenant, a mapping without a tenant matches a record of any tenant, and tenants
 * compare case-insensitively.
 */
export function recordKey(record: Pick<ExternalRecord, 'system' | 'kind' | 'externalId'>): string {
  return `${record.system}|${record.kind}|${encodeURIComponent(record.externalId)}`;
}

/** The index entries of a client: every PMS record the firm maps to it. */
export function recordIndexKeys(client: Pick<Client, 'externalIds'>): string[] {
  return [...new Set(client.externalIds.map(recordKey))];
}

/** Whether a client's mapping stands for the record on screen, as the endpoint decides it. */
export function mappingMatches(mapping: ExternalRecord, onScreen: ExternalRecord): boolean {
  if (recordKey(mapping) !== recordKey(onScreen)) return false;
  return mapping.tenant === null || onScreen.tenant === null || mapping.tenant.toLowerCase() === onScreen.tenant.toLowerCase();
}
