import { readText } from './dom';
import { compileRule } from './generic-rule';
import type { RecordRef } from './record-ref';

const MAX_EXTERNAL_ID = 128; // lib/contract ExternalRecord.externalId
const MAX_TENANT = 253;

/** One rule against one page; null when it does not match or is not a usable rule. */
function detectWithRule(url: URL, doc: Document, candidate: unknown): RecordRef | null {
  const compiled = compileRule(candidate);
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
