import { type GenericRule, isGenericRule, PMS_SYSTEMS } from '../adapters';
import { MAX_RULES } from '../settings/generic-rule-limits';

/**
 * Reads the answer to `cs.getRules` (a Result wrapping `{ rules, collapsed }`). Hand-written instead
 * of zod: the content script must stay tiny. Rules that fail `isGenericRule` are dropped one by one
 * (each is compiled once, and detection reuses it); anything else than that shape gives no rules, so
 * detection falls back to the built-in plug-ins.
 */
export function rulesFromAnswer(answer: unknown): GenericRule[] {
  const rules = fieldOfAnswer(answer, 'rules');
  if (!Array.isArray(rules)) return [];
  return rules.slice(0, MAX_RULES).filter(isGenericRule);
}

/** The systems whose sidebar is collapsed, from the same answer: known system names only, else none. */
export function collapsedFromAnswer(answer: unknown): string[] {
  const collapsed = fieldOfAnswer(answer, 'collapsed');
  if (!Array.isArray(collapsed)) return [];
  return collapsed.filter((system): system is string => (PMS_SYSTEMS as readonly unknown[]).includes(system));
}

function fieldOfAnswer(answer: unknown, field: 'rules' | 'collapsed'): unknown {
  if (typeof answer !== 'object' || answer === null || (answer as { ok?: unknown }).ok !== true) return undefined;
  const value = (answer as { value?: unknown }).value;
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
}
