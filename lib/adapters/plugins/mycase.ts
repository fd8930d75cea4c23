import { readFirstText, withLabel } from '../dom';
import type { PmsPlugin } from '../plugin';
import type { RecordKind } from '../record-ref';
import { isNumericId, pathSegments, subdomainOf } from '../url';

/** MyCase: one host per firm, `{firm}.mycase.com`; the tenant is the firm subdomain. */
const HOST_SUFFIX = '.mycase.com';
const NOT_FIRMS = ['www', 'app', 'api', 'help', 'support'];

/** Page heading of a client's contact page and of a case page. */
const RECORD_HEADING = ['[data-testid="page-title"]', '.page-header h1'];

/** `/contacts/clients/{id}[/tab]` → client; `/court_cases/{id}[/tab]` → matter. */
function parsePath(segments: string[]): { kind: RecordKind; id: string } | null {
  const [first, second, third] = segments;
  if (first === 'contacts' && second === 'clients' && isNumericId(third)) return { kind: 'client', id: third };
  if (first === 'court_cases' && isNumericId(second)) return { kind: 'matter', id: second };
  return null;
}

function firmOf(hostname: string): string | null {
  const firm = subdomainOf(hostname, HOST_SUFFIX);
  return firm !== null && !NOT_FIRMS.includes(firm) ? firm : null;
}

export const mycasePlugin: PmsPlugin = {
  id: 'mycase',
  label: 'MyCase',
  matches: [`https://*${HOST_SUFFIX}/*`],
  urlGate: (url) => firmOf(url.hostname) !== null,
  detect(url, doc) {
    const firm = firmOf(url.hostname);
    const parsed = parsePath(pathSegments(url.pathname));
    if (firm === null || parsed === null) return null;
    const ref = { system: 'mycase', kind: parsed.kind, externalId: parsed.id, tenant: firm } as const;
    return withLabel(ref, readFirstText(doc, RECORD_HEADING));
  },
};
