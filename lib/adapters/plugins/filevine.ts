import { readFirstText, withLabel } from '../dom';
import type { PmsPlugin } from '../plugin';
import { hashRouteSegments, isNumericId, subdomainOf } from '../url';

/** Filevine: the shared `app.filevine.com` and per-firm `{firm}.filevineapp.com`. */
const SHARED_HOST = 'app.filevine.com';
const FIRM_HOST_SUFFIX = '.filevineapp.com';

/** Project (matter) name in the project header, on every project tab. */
const PROJECT_NAME = ['[data-testid="project-header-name"]', '.project-header .project-name'];

/** Tenant: `app` on the shared host, else the firm subdomain. */
function tenantOf(hostname: string): string | null {
  return hostname === SHARED_HOST ? 'app' : subdomainOf(hostname, FIRM_HOST_SUFFIX);
}

export const filevinePlugin: PmsPlugin = {
  id: 'filevine',
  label: 'Filevine',
  matches: [`https://${SHARED_HOST}/*`, `https://*${FIRM_HOST_SUFFIX}/*`],
  urlGate: (url) => tenantOf(url.hostname) !== null,
  detect(url, doc) {
    const tenant = tenantOf(url.hostname);
    // Hash-routed: `/#/project/{id}[/tab…]`
    const [route, id] = hashRouteSegments(url);
    if (tenant === null || route !== 'project' || !isNumericId(id)) return null;
    return withLabel({ system: 'filevine', kind: 'matter', externalId: id, tenant } as const, readFirstText(doc, PROJECT_NAME));
  },
};
