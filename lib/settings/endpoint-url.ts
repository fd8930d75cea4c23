/**
 * Whether an endpoint address may carry a bearer token and client data: https, or plain http to
 * this machine only (the reference endpoint of `npm start` and the tests). No zod here: the options
 * form uses it too.
 */
export function isAllowedEndpointUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]');
}

export const ENDPOINT_URL_RULE = 'Use an https:// address (plain http only for this computer, e.g. http://127.0.0.1:8787).';

/**
 * The host permission an endpoint needs, as a match pattern. Without the port: Firefox's patterns
 * cannot carry one (a pattern with a port is never "contained", so sign-in to
 * http://127.0.0.1:8787 failed there), and Chrome's match any port when none is given.
 */
export function endpointPermissionPattern(endpointUrl: string): string {
  const url = new URL(endpointUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
