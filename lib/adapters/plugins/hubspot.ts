import { readFirstText, withLabel } from '../dom';
import { lookup } from '../lookup';
import type { PmsPlugin } from '../plugin';
import type { RecordKind } from '../record-ref';
import { isNumericId, pathSegments } from '../url';

/** HubSpot data centres (NA1 is plain `app.`). The tenant is the portal (hub) id in the path. */
const HOSTS = ['app.hubspot.com', 'app-eu1.hubspot.com', 'app-na2.hubspot.com'];

/** Record pages `/contacts/{portal}/record/{objectTypeId}/{id}`; custom objects (`2-…`) are not mapped. */
const KIND_BY_OBJECT_TYPE_ID: Record<string, RecordKind> = { '0-1': 'contact', '0-2': 'client', '0-3': 'matter' };

/** Older record pages `/contacts/{portal}/{company|contact|deal}/{id}`, still linked from emails. */
const KIND_BY_LEGACY_ROUTE: Record<string, RecordKind> = { contact: 'contact', company: 'client', deal: 'matter' };

/** Record name in the left-hand "highlights" card of contact, company and deal pages. */
const RECORD_NAME = ['[data-selenium-test="highlightTitle"]', '[data-test-id="record-name"]'];

function parsePath(segments: string[]): { kind: RecordKind; portal: string; id: string } | null {
  const [app, portal, route, ...rest] = segments;
  if (app !== 'contacts' || !isNumericId(portal)) return null;
  // Trailing segments are tabs of the same record (`/view/1`); the id position is fixed.
  const isNew = route === 'record';
  const kind = isNew ? lookup(KIND_BY_OBJECT_TYPE_ID, rest[0]) : lookup(KIND_BY_LEGACY_ROUTE, route);
  const id = isNew ? rest[1] : rest[0];
  return kind !== undefined && isNumericId(id) ? { kind, portal, id } : null;
}

export const hubspotPlugin: PmsPlugin = {
  id: 'hubspot',
  label: 'HubSpot',
  matches: HOSTS.map((host) => `https://${host}/*`),
  urlGate: (url) => HOSTS.includes(url.hostname),
  detect(url, doc) {
    const parsed = HOSTS.includes(url.hostname) ? parsePath(pathSegments(url.pathname)) : null;
    if (parsed === null) return null;
    const ref = { system: 'hubspot', kind: parsed.kind, externalId: parsed.id, tenant: parsed.portal } as const;
    return withLabel(ref, readFirstText(doc, RECORD_NAME));
  },
};
