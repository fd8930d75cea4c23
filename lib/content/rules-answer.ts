import { compiledRule, type GenericRule } from '../adapters';
import { MAX_RULES } from '../settings/generic-rule-limits';

/**
 * Reads the answer to `cs.getRules` (a Result wrapping `{ rules }`). Hand-written instead of zod:
 * the content script must stay tiny. Rules that fail isGenericRule's check (`compiledRule`: the same
 * check, its compiled rule kept for detection) are dropped one by one; anything else than that
 * shape gives no rules, so detection falls back to the built-in plug-ins.
 */
export function rulesFromAnswer(answer: unknown): GenericRule[] {
  if (typeof answer !== 'object' || answer === null || (answer as { ok?: unknown }).ok !== true) return [];
  const value = (answer as { value?: unknown }).value;
  if (typeof value !== 'object' || value === null) return [];
  const rules = (value as { rules?: unknown }).rules;
  if (!Array.isArray(rules)) return [];
  return rules.slice(0, MAX_RULES).filter((rule): rule is GenericRule => compiledRule(rule) !== null);
}
