/**
 * A tiny WebExtension match-pattern matcher for the tests, after the Chrome/MDN definition:
 * `<scheme>://<host>/<path>`, host `*`, `*.example.com` (the domain and its subdomains) or exact;
 * path is a glob over path + query. Ports and <all_urls> are not used here.
 */
const PATTERN = /^(\*|https?):\/\/(\*|\*\.[^/*:]+|[^/*:]+)(\/.*)$/;

export function isValidMatchPattern(pattern: string): boolean {
  return PATTERN.test(pattern);
}

export function matchesPattern(pattern: string, href: string): boolean {
  const parts = PATTERN.exec(pattern);
  if (parts === null) throw new Error(`not a match pattern: ${pattern}`);
  const [, scheme, host = '', path = ''] = parts;
  const url = new URL(href);
  const schemeOk = scheme === '*' ? ['http:', 'https:'].includes(url.protocol) : url.protocol === `${scheme}:`;
  const hostOk = host === '*' || (host.startsWith('*.')
    ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))
    : url.hostname === host);
  const glob = new RegExp(`^${path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return schemeOk && hostOk && glob.test(url.pathname + url.search);
}
