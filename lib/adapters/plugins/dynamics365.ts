import { readFirstText, withLabel } from '../dom';
import { lookup } from '../lookup';
import type { PmsPlugin } from '../plugin';
import type { RecordKind } from '../record-ref';

/** Regional Dynamics 365 / Dataverse hosts: `{org}.crm.dynamics.com`, `{org}.crm4.dynamics.com`… */
const REGIONS = ['crm', ...Array.from({ length: 11 }, (_, i) => `crm${i + 2}`)];
const ORG_HOST = new RegExp(`^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.(?:${REGIONS.join('|')})\\.dynamics\\.com$`);

const KIND_BY_ENTITY: Record<string, RecordKind> = { account: 'client', contact: 'contact', opportunity: 'matter' };

/** Record ids are GUIDs, in the URL with or without braces (`%7B…%7D`). */
const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** Record title in the Unified Interface form header (account, contact and opportunity forms). */
const FORM_TITLE = ['h1[data-id="header_title"]'];

export const dynamics365Plugin: PmsPlugin = {
  id: 'dynamics365',
  label: 'Microsoft Dynamics 365',
  matches: REGIONS.map((region) => `https://*.${region}.dynamics.com/*`),
  urlGate: (url) => ORG_HOST.test(url.hostname),
  detect(url, doc) {
    if (!ORG_HOST.test(url.hostname) || url.pathname.toLowerCase() !== '/main.aspx') return null;
    const params = url.searchParams; // already percent-decoded; order does not matter
    if (params.get('pagetype')?.toLowerCase() !== 'entityrecord') return null;
    const kind = lookup(KIND_BY_ENTITY, params.get('etn')?.toLowerCase());
    const guid = GUID.exec(params.get('id') ?? '')?.[1]; // a new-record form has no id
    if (kind === undefined || guid === undefined) return null;
    const ref = { system: 'dynamics365', kind, externalId: guid.toLowerCase(), tenant: url.hostname } as const;
    return withLabel(ref, readFirstText(doc, FORM_TITLE));
  },
};
