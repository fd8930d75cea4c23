import { withLabel } from '../dom';
import { lookup } from '../lookup';
import type { PmsPlugin } from '../plugin';
import type { RecordKind, RecordRef } from '../record-ref';
import { SALESFORCE_MATCHES, parseSalesforceHost } from '../salesforce/host';
import { toSalesforceId18 } from '../salesforce/id';
import { pathSegments } from '../url';
import { salesforceLabel } from '../salesforce/label';

/** Standard objects we map, with their id key prefix (Classic URLs carry only the id). */
const STANDARD_OBJECTS: Record<string, { kind: RecordKind; keyPrefix: string }> = {
  Account: { kind: 'client', keyPrefix: '001' },
  Contact: { kind: 'contact', keyPrefix: '003' },
  Opportunity: { kind: 'matter', keyPrefix: '006' },
};
const OBJECT_BY_KEY_PREFIX: Record<string, string> = { '001': 'Account', '003': 'Contact', '006': 'Opportunity' };

/** Legal practice-management packages model matters as custom objects (`litify_pm__Matter__c`). */
const CUSTOM_MATTER_OBJECT = /^(?:[A-Za-z][A-Za-z0-9_]{0,70})?Matter__c$/;

function recordOf(objectType: string, rawId: string, tenant: string): RecordRef | null {
  const id = toSalesforceId18(rawId);
  if (id === null) return null;
  const standard = lookup(STANDARD_OBJECTS, objectType);
  if (standard !== undefined && !id.startsWith(standard.keyPrefix)) return null;
  const kind = standard?.kind ?? (CUSTOM_MATTER_OBJECT.test(objectType) ? 'matter' : undefined);
  return kind === undefined ? null : { system: 'salesforce', kind, externalId: id, tenant, objectType };
}

/** `/lightning/r/{Object}/{id}/view`, `/lightning/r/{Object}/{id}/related/{list}/view`, `/lightning/r/{id}/view`. */
function parseLightningPath(segments: string[]): { objectType: string; id: string } | null {
  if (segments[0] !== 'lightning' || segments[1] !== 'r' || segments.at(-1) !== 'view') return null;
  const rest = segments.slice(2, -1);
  if (rest.length === 1) {
    const objectType = lookup(OBJECT_BY_KEY_PREFIX, rest[0]?.slice(0, 3));
    return objectType === undefined ? null : { objectType, id: rest[0] ?? '' };
  }
  const [objectType, id, related, list] = rest;
  const shapeOk = rest.length === 2 || (rest.length === 4 && related === 'related' && list !== undefined);
  return shapeOk && objectType !== undefined && id !== undefined ? { objectType, id } : null;
}

/** Classic record pages are `/{id}` and nothing else (`/001/o` is a list, `/{id}/e` an edit form). */
function parseClassicPath(segments: string[]): { objectType: string; id: string } | null {
  const [id] = segments;
  const objectType = lookup(OBJECT_BY_KEY_PREFIX, id?.slice(0, 3));
  return segments.length === 1 && id !== undefined && objectType !== undefined ? { objectType, id } : null;
}

export const salesforcePlugin: PmsPlugin = {
  id: 'salesforce',
  label: 'Salesforce',
  matches: SALESFORCE_MATCHES,
  urlGate: (url) => parseSalesforceHost(url.hostname) !== null,
  detect(url, doc) {
    const host = parseSalesforceHost(url.hostname);
    if (host === null) return null;
    const segments = pathSegments(url.pathname);
    const parsed = host.ui === 'lightning' ? parseLightningPath(segments) : parseClassicPath(segments);
    const ref = parsed && recordOf(parsed.objectType, parsed.id, host.tenant);
    return ref ? withLabel(ref, salesforceLabel(doc, host.ui)) : null;
  },
};
