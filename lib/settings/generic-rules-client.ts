import { browser } from 'wxt/browser';
import { requestOrigin } from '../ui/request-origin';
import { type GenericRule, originPatternOfRule } from '../adapters';
import { askBackground } from '../messaging/background-client';
import { fail, type Result } from '../messaging/result';
import { type GenericRulesState, readGenericRules } from './generic-rules-store';

/**
 * The options page's side of the rule editor. It reads the rules itself (storage is readable by
 * extension pages, and readGenericRules validates them); changes go through the background, which
 * validates again, stores them and registers the content script for their hosts.
 */
export const loadRules = readGenericRules;

/** Whether the user has allowed each listed rule's host, by rule id. */
export async function hostAccessOf(state: GenericRulesState): Promise<Record<string, boolean>> {
  const rules = [...state.policy.entries, ...state.user.entries].flatMap((e) => (e.rule ? [e.rule] : []));
  const pairs = await Promise.all(rules.map(async (rule) => {
    const origin = originPatternOfRule(rule);
    return [rule.id, origin !== null && (await browser.permissions.contains({ origins: [origin] }))] as const;
  }));
  return Object.fromEntries(pairs);
}

/**
 * Asks for the rule's host, then saves the rule after the user's. Call it straight from the click:
 * the permission prompt needs the user's gesture, so nothing is awaited before the request.
 */
export function addRule(state: GenericRulesState, rule: GenericRule): Promise<Result<unknown>> {
  const origin = originPatternOfRule(rule);
  if (origin === null) return Promise.resolve(fail('invalid-rule', 'The URL pattern does not name a host.'));
  return allowHost(rule).then((granted) => {
    if (!granted) return fail('no-permission', `Permission to read pages on ${new URL(origin.replace('/*', '/')).host} was not given, so the rule was not added.`);
    return saveUserRules([...userRules(state), rule]);
  });
}

export function removeRule(state: GenericRulesState, index: number): Promise<Result<unknown>> {
  const kept = state.user.entries.filter((_, i) => i !== index).flatMap((e) => (e.rule ? [e.rule] : []));
  return saveUserRules(kept);
}

/** Requests the rule's host permission (resolves at once, without a prompt, when already granted). */
export function allowHost(rule: GenericRule): Promise<boolean> {
  const origin = originPatternOfRule(rule);
  return origin === null ? Promise.resolve(false) : requestOrigin(origin);
}

function userRules(state: GenericRulesState): GenericRule[] {
  return state.user.entries.flatMap((e) => (e.rule ? [e.rule] : []));
}

async function saveUserRules(rules: GenericRule[]): Promise<Result<unknown>> {
  return askBackground({ type: 'options.saveGenericRules', rules });
}
