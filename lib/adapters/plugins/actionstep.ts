import { readFirstText, withLabel } from '../dom';
import type { PmsPlugin } from '../plugin';
import { isNumericId, pathSegments, subdomainOf } from '../url';

/**
 * Actionstep: regional hosts `{region}.actionstep.com`. The region is not the firm, and the URL
 * does not name the firm's org, so no tenant is reported (a firm uses one Actionstep org).
 */
const HOST_SUFFIX = '.actionstep.com';
const NOT_APP_HOSTS = ['www', 'api', 'support', 'docs'];

/** Matter ("action") overview: `/mym/asfw/workflow/action/overview/action_id/{id}`. */
const ACTION_OVERVIEW_PATH = ['mym', 'asfw', 'workflow', 'action', 'overview', 'action_id'];

/** Action name in the action overview header. */
const ACTION_NAME = ['[data-testid="action-name"]', '.action-header h1'];

function isAppHost(hostname: string): boolean {
  const region = subdomainOf(hostname, HOST_SUFFIX);
  return region !== null && !NOT_APP_HOSTS.includes(region);
}

export const actionstepPlugin: PmsPlugin = {
  id: 'actionstep',
  label: 'Actionstep',
  matches: [`https://*${HOST_SUFFIX}/*`],
  urlGate: (url) => isAppHost(url.hostname),
  detect(url, doc) {
    const segments = pathSegments(url.pathname);
    const id = segments[ACTION_OVERVIEW_PATH.length];
    const pathOk = ACTION_OVERVIEW_PATH.every((s, i) => segments[i] === s) && segments.length === ACTION_OVERVIEW_PATH.length + 1;
    if (!isAppHost(url.hostname) || !pathOk || !isNumericId(id)) return null;
    return withLabel({ system: 'actionstep', kind: 'matter', externalId: id } as const, readFirstText(doc, ACTION_NAME));
  },
};
