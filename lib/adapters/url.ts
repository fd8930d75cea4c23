/** URL helpers shared by the plug-ins. All comparisons are on the parsed, normalised URL. */

/** Parses an https URL without credentials; anything else (http, junk, `user@host`) is null. */
export function parseRecordUrl(href: string): URL | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return null;
  return url;
}

/**
 * The single DNS label in front of `suffix` (`acme` for `acme.mycase.com` and suffix `.mycase.com`),
 * or null. One label only, so `a.b.mycase.com` and look-alikes like `mycase.com.evil.example` fail.
 */
export function subdomainOf(hostname: string, suffix: string): string | null {
  if (!hostname.endsWith(suffix)) return null;
  const label = hostname.slice(0, -suffix.length);
  return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label) ? label : null;
}

/** Non-empty path segments: `/a/b/` → ['a', 'b']. */
export function pathSegments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/** Segments of a hash route (`#/matters/1/activities?x=1` → ['matters', '1', 'activities']). */
export function hashRouteSegments(url: URL): string[] {
  const route = url.hash.replace(/^#!?/, '');
  if (!route.startsWith('/')) return [];
  return pathSegments(route.split('?')[0] ?? '');
}

/** Decimal record ids as the systems print them: digits only, no leading zero, bounded length. */
export function isNumericId(s: string | undefined): s is string {
  return s !== undefined && /^[1-9][0-9]{0,17}$/.test(s);
}
