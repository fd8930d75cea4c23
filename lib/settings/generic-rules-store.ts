import { browser } from 'wxt/browser';
import type { GenericRule } from '../adapters';
import { parseGenericRules } from '../adapters/generic-rule-schema';
import { MAX_RULES } from './generic-rule-limits';

/** The user's rules (options page), in storage.local; only the background writes them. */
export const USER_RULES_KEY = 'lens.genericRules';
/** Firm IT's rules, policy key `genericRules` (public/managed_schema.json); read-only here. */
export const POLICY_RULES_KEY = 'genericRules';

/** One configured rule as the options page lists it: usable, or why it is skipped. */
export type RuleEntry = { rule: GenericRule; error: null } | { rule: null; raw: unknown; error: string };

export interface RuleSource {
  entries: RuleEntry[];
  /** Set when the whole value is unusable (not a list, too long); no rule of it is used. */
  listError: string | null;
}

export interface GenericRulesState {
  policy: RuleSource;
  user: RuleSource;
}

export const NO_RULES: GenericRulesState = { policy: { entries: [], listError: null }, user: { entries: [], listError: null } };

/** Validates a stored or policy value rule by rule (zod, via parseGenericRules): bad rules are reported and skipped. */
export function describeRules(value: unknown): RuleSource {
  if (value === undefined) return { entries: [], listError: null };
  if (Array.isArray(value) && value.length > MAX_RULES) return { entries: [], listError: `more than ${MAX_RULES} rules` };
  const { rules, errors } = parseGenericRules(value);
  const listError = errors.find((e) => e.index === -1)?.message ?? null;
  if (listError !== null || !Array.isArray(value)) return { entries: [], listError };
  const valid = rules[Symbol.iterator]();
  const entries = value.map((raw, index): RuleEntry => {
    const error = errors.find((e) => e.index === index);
    return error ? { rule: null, raw, error: error.message } : { rule: valid.next().value as GenericRule, error: null };
  });
  return { entries, listError: null };
}

export async function readGenericRules(): Promise<GenericRulesState> {
  const user = (await browser.storage.local.get(USER_RULES_KEY))[USER_RULES_KEY];
  return { policy: describeRules(await readPolicyValue()), user: describeRules(user) };
}

/**
 * The rules detection uses: policy rules first, then the user's. A user rule with the id of a
 * policy rule is dropped, so policy always wins.
 */
export function effectiveRules(state: GenericRulesState): GenericRule[] {
  const policy = usable(state.policy);
  const ids = new Set(policy.map((r) => r.id));
  return [...policy, ...usable(state.user).filter((r) => !ids.has(r.id))];
}

/** Replaces the user's rules. Callers validate first (parseGenericRules); this stores what it is given. */
export async function writeUserRules(rules: GenericRule[]): Promise<void> {
  await browser.storage.local.set({ [USER_RULES_KEY]: rules });
}

function usable(source: RuleSource): GenericRule[] {
  return source.entries.flatMap((e) => (e.rule ? [e.rule] : []));
}

async function readPolicyValue(): Promise<unknown> {
  try {
    return (await browser.storage.managed.get(POLICY_RULES_KEY))[POLICY_RULES_KEY];
  } catch {
    return undefined; // no policy installed, or no managed storage in this browser
  }
}
