import { readText } from './dom';
import { type CompiledRule, compileRule } from './generic-rule';
import type { RecordRef } from './record-ref';

const MAX_EXTERNAL_ID = 128; // lib/contract ExternalRecord.externalId
const MAX_TENANT = 253;

/**
 * Each rule object is checked and compiled once (three RegExps), not at every detection: the
 * content script detects again on each DOM settle and navigation. Rule objects come from one
 * message and are never changed after; a WeakMap lets them go with the page.
 */
const compiledRules = new WeakMap<object, CompiledRule | null>();

/** compileRule, once per rule object. */
export function compiledRule(candidate: unknown): CompiledRule | null {
  if (typeof candidate !== 'object' || candidate === null) return null;
  let compiled = compiledRules.get(candidate);
  if (compiled === undefined) {
    compiled = compileRule(candidate);
    compiledRules.set(candidate, compiled);
  }
  return compiled;
}

/** One rule against one page; null when it does not match or is not a usable rule. */
function detectWithRule(url: URL, doc: Document, candidate: unknown): RecordRef | null {
  const compiled = compiledRule(candidate);
  if (compiled === null || url.hostname !== compiled.host) return null;
  const groups = compiled.regex.exec(url.href)?.groups;
  const externalId = groups?.externalId;
  if (externalId === undefined || externalId === '' || externalId.length > MAX_EXTERNAL_ID) return null;
  const tenant = groups?.tenant;
  const { rule } = compiled;
  const ref: RecordRef = {
    system: 'generic',
    kind: rule.kind,
    externalId,
    // Without a tenant group, the host tells one in-house system from another.
    tenant: tenant !== undefined && tenant !== '' && tenant.length <= MAX_TENANT ? tenant : compiled.host,
    objectType: rule.id, // which firm rule matched: the endpoint's mapping may key on it
  };
  const label = rule.labelSelector === undefined ? undefined : readText(doc, rule.labelSelector);
  return label === undefined ? ref : { ...ref, label };
}

/** The first firm rule that matches; bad rules are skipped, never thrown. */
export function detectWithGenericRules(url: URL, doc: Document, rules: readonly unknown[]): RecordRef | null {
  for (const rule of rules) {
    try {
      const ref = detectWithRule(url, doc, rule);
      if (ref !== null) return ref;
    } catch {
      // A pathological pattern or selector must not stop detection of the page.
    }
  }
  return null;
}
