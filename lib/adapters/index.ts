/**
 * Page detection for the content script: which practice-management record is on screen.
 * Pure functions of (URL, document); no network, no extension APIs, nothing heavy imported
 * (zod lives only in ./generic-rule-schema, which this file must not re-export).
 */
import { detectWithGenericRules } from './generic';
import type { GenericRule } from './generic-rule';
import type { PmsPlugin } from './plugin';
import { actionstepPlugin } from './plugins/actionstep';
import { clioPlugin } from './plugins/clio';
import { dealcloudPlugin } from './plugins/dealcloud';
import { dynamics365Plugin } from './plugins/dynamics365';
import { filevinePlugin } from './plugins/filevine';
import { hubspotPlugin } from './plugins/hubspot';
import { mycasePlugin } from './plugins/mycase';
import { salesforcePlugin } from './plugins/salesforce';
import type { RecordRef } from './record-ref';
import { parseRecordUrl } from './url';

export type { GenericRule } from './generic-rule';
export { isGenericRule, originPatternOfRule } from './generic-rule';
export type { PmsPlugin } from './plugin';
export type { PmsSystem, RecordKind, RecordRef } from './record-ref';
export { PMS_SYSTEMS, RECORD_KINDS } from '../contract/record-identity';

/** Every built-in plug-in. Adding a system: lib/adapters/README.md. */
export const PLUGINS: readonly PmsPlugin[] = [
  clioPlugin, salesforcePlugin, hubspotPlugin, dynamics365Plugin, dealcloudPlugin, mycasePlugin, filevinePlugin, actionstepPlugin,
];

/** The content script's `matches`: every built-in plug-in's hosts. Generic rules' hosts are optional permissions. */
export const CONTENT_SCRIPT_MATCHES: string[] = [...new Set(PLUGINS.flatMap((plugin) => plugin.matches))];

/**
 * The record on screen, or null. Built-in plug-ins first (URL gate, then DOM), then the firm's
 * generic rules; the first match wins. Never throws: a failing plug-in or bad rule is skipped.
 */
export function detectRecord(url: string, doc: Document, genericRules: readonly GenericRule[] = []): RecordRef | null {
  const parsed = parseRecordUrl(url);
  if (parsed === null) return null;
  for (const plugin of PLUGINS) {
    try {
      const ref = plugin.urlGate(parsed) ? plugin.detect(parsed, doc) : null;
      if (ref !== null) return ref;
    } catch {
      // A page the plug-in did not expect is "no record", not a broken content script.
    }
  }
  return detectWithGenericRules(parsed, doc, genericRules);
}
