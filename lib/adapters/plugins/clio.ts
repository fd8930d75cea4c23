import { readFirstText, withLabel } from '../dom';
import { lookup } from '../lookup';
import type { PmsPlugin } from '../plugin';
import type { RecordKind } from '../record-ref';
import { hashRouteSegments, isNumericId } from '../url';

/** Clio Manage, US and regional instances. The tenant is the host: ids are per instance. */
const HOSTS = ['app.clio.com', 'eu.app.clio.com', 'ca.app.clio.com', 'au.app.clio.com'];

/** Clio Manage is a hash-routed SPA under /nc/: `/nc/#/matters/{id}[/tab]`. */
const APP_PATHS = ['/nc', '/nc/'];

// Clio contacts are the firm's client records; the endpoint's mapping decides which client.
const KIND_BY_ROUTE: Record<string, RecordKind> = { contacts: 'contact', matters: 'matter' };

/** Record page heading (contact and matter pages); the older layout's title as fallback. */
const RECORD_HEADING = ['[data-testid="record-header"] h1', '.page-header h1.page-title'];

export const clioPlugin: PmsPlugin = {
  id: 'clio',
  label: 'Clio Manage',
  matches: HOSTS.map((host) => `https://${host}/*`),
  urlGate: (url) => HOSTS.includes(url.hostname),
  detect(url, doc) {
    if (!HOSTS.includes(url.hostname) || !APP_PATHS.includes(url.pathname)) return null;
    const [route, id] = hashRouteSegments(url);
    const kind = lookup(KIND_BY_ROUTE, route);
    // Numeric id only: `new`, and the matter display number (`00042-Acme`) are not record ids.
    if (kind === undefined || !isNumericId(id)) return null;
    const ref = { system: 'clio', kind, externalId: id, tenant: url.hostname } as const;
    return withLabel(ref, readFirstText(doc, RECORD_HEADING));
  },
};
