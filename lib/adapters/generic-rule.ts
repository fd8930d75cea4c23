import { RECORD_KINDS, type RecordKind } from '../contract/record-identity';

/**
 * A firm-defined detection rule for an in-house system (from policy or the options page).
 * `urlPattern` is a JS RegExp source, anchored, https-only, with a literal host, and named groups
 * `externalId` (required) and `tenant` (optional): `^https://intranet\.firm\.example/clients/(?<externalId>\d+)`.
 */
export type GenericRule = { id: string; name: string; urlPattern: string; kind: RecordKind; labelSelector?: string };

export type CompiledRule = { rule: GenericRule; regex: RegExp; host: string };

const MAX_PATTERN = 1000;
const HTTPS_PREFIX = /^\^https:(?:\/\/|\\\/\\\/)/; // `^https://` or `^https:\/\/`
const LITERAL_HOST = /^((?:[a-z0-9-]|\\?\.)+)(?:\/|\\\/)/i; // host, then the first `/` of the path
const HOSTNAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Checks a pattern and compiles it, or says what is wrong in words for the options page.
 * The literal host is what the options page asks permission for, and detection also compares it
 * with the page's host, so a pattern with an unescaped `.` or a top-level `|` cannot match elsewhere.
 */
export function analyseUrlPattern(source: string): { regex: RegExp; host: string } | { problem: string } {
  if (source.length === 0 || source.length > MAX_PATTERN) return { problem: `must be 1 to ${MAX_PATTERN} characters` };
  const prefix = HTTPS_PREFIX.exec(source);
  if (prefix === null) return { problem: 'must start with ^https:// (https only, anchored at the start)' };
  const hostMatch = LITERAL_HOST.exec(source.slice(prefix[0].length));
  const host = hostMatch?.[1]?.replaceAll('\\.', '.').toLowerCase();
  if (host === undefined || !HOSTNAME.test(host)) return { problem: 'must name a literal host followed by /, e.g. ^https://intranet\\.firm\\.example/' };
  let regex: RegExp;
  let groups: Record<string, unknown> | undefined;
  try {
    new RegExp(source); // alone first: a source that compiles is balanced, so wrapping it is safe
    regex = new RegExp(`^(?:${source})`); // wrapped so a top-level | stays anchored
    groups = new RegExp(`|(?:${source})`).exec('')?.groups; // empty match lists every named group
  } catch (e) {
    return { problem: `is not a valid regular expression (${e instanceof Error ? e.message : String(e)})` };
  }
  if (groups === undefined || !('externalId' in groups)) return { problem: 'must have a named group (?<externalId>…)' };
  return { regex, host };
}

function isShortString(x: unknown, max: number): x is string {
  return typeof x === 'string' && x.length > 0 && x.length <= max;
}

/**
 * Each rule object is checked and compiled once (three RegExps), not at every detection: the
 * content script detects again on each DOM settle and navigation. Rule objects come from one
 * message or one read of storage and are never changed after; a WeakMap lets them go with it.
 */
const compiledRules = new WeakMap<object, CompiledRule | null>();

/** Hand-written check for the content script (no zod there); null when `x` is not a usable rule. */
export function compileRule(x: unknown): CompiledRule | null {
  if (typeof x !== 'object' || x === null) return null;
  let compiled = compiledRules.get(x);
  if (compiled === undefined) {
    compiled = checkAndCompile(x as Record<string, unknown>);
    compiledRules.set(x, compiled);
  }
  return compiled;
}

function checkAndCompile(r: Record<string, unknown>): CompiledRule | null {
  const shapeOk = isShortString(r.id, 64) && isShortString(r.name, 200) && isShortString(r.urlPattern, MAX_PATTERN)
    && (RECORD_KINDS as readonly unknown[]).includes(r.kind)
    && (r.labelSelector === undefined || isShortString(r.labelSelector, 500));
  if (!shapeOk) return null;
  const analysed = analyseUrlPattern(r.urlPattern as string);
  return 'problem' in analysed ? null : { rule: r as GenericRule, ...analysed };
}

export function isGenericRule(x: unknown): x is GenericRule {
  return compileRule(x) !== null;
}

/** Match pattern the options page requests host permission for, e.g. `https://intranet.firm.example/*`. */
export function originPatternOfRule(rule: GenericRule): string | null {
  const compiled = compileRule(rule);
  return compiled === null ? null : `https://${compiled.host}/*`;
}
