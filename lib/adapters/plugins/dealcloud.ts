import { readFirstText, withLabel } from '../dom';
import type { PmsPlugin } from '../plugin';
import type { RecordKind } from '../record-ref';
import { isNumericId, pathSegments, subdomainOf } from '../url';

/** Intapp DealCloud: one host per firm, `{firm}.dealcloud.com`; the tenant is the firm subdomain. */
const HOST_SUFFIX = '.dealcloud.com';
const NOT_FIRMS = ['www', 'api', 'help'];

/** Entry header of an entry page: the entry's name and the list (entry type) it belongs to. */
const ENTRY_NAME = ['[data-testid="entry-header-name"]', '.entry-header h1'];
const ENTRY_LIST_NAME = ['[data-testid="entry-header-list"]', '.entry-header .entry-type'];

/**
 * DealCloud lists are firm-configured, so the URL does not say what an entry is. We read the list
 * name: people lists → contact, deal/matter-like lists → matter, anything else (Companies,
 * Clients, or a header not rendered yet) → client, the common case for a company entry.
 */
const CONTACT_LIST = /\b(?:contacts?|people|persons?)\b/i;
const MATTER_LIST = /\b(?:deals?|matters?|engagements?|opportunit(?:y|ies)|projects?|mandates?)\b/i;

function kindOfList(listName: string | undefined): RecordKind {
  if (listName !== undefined && CONTACT_LIST.test(listName)) return 'contact';
  if (listName !== undefined && MATTER_LIST.test(listName)) return 'matter';
  return 'client';
}

function firmOf(hostname: string): string | null {
  const firm = subdomainOf(hostname, HOST_SUFFIX);
  return firm !== null && !NOT_FIRMS.includes(firm) ? firm : null;
}

export const dealcloudPlugin: PmsPlugin = {
  id: 'dealcloud',
  label: 'Intapp DealCloud',
  matches: [`https://*${HOST_SUFFIX}/*`],
  urlGate: (url) => firmOf(url.hostname) !== null,
  detect(url, doc) {
    const firm = firmOf(url.hostname);
    // `/portal/pages/{page}/reports/{report}/entries/{entryId}`
    const [portal, pages, page, reports, report, entries, entryId, ...rest] = pathSegments(url.pathname);
    const shapeOk = portal === 'portal' && pages === 'pages' && reports === 'reports' && entries === 'entries'
      && isNumericId(page) && isNumericId(report) && rest.length === 0;
    if (firm === null || !shapeOk || !isNumericId(entryId)) return null;
    const kind = kindOfList(readFirstText(doc, ENTRY_LIST_NAME));
    const ref = { system: 'dealcloud', kind, externalId: entryId, tenant: firm } as const;
    return withLabel(ref, readFirstText(doc, ENTRY_NAME));
  },
};
