import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { GenericRule } from '@/lib/adapters';
import { MAX_RULES } from '@/lib/settings/generic-rule-limits';
import { describeRules, effectiveRules, POLICY_RULES_KEY, readGenericRules, USER_RULES_KEY, writeUserRules } from '@/lib/settings/generic-rules-store';

const rule = (id: string, host = 'intranet.firm.example'): GenericRule => ({
  id, name: `Rule ${id}`, kind: 'client', urlPattern: String.raw`^https://${host.replaceAll('.', '\\.')}/clients/(?<externalId>\d+)`,
});

beforeEach(() => fakeBrowser.reset());

describe('describeRules', () => {
  it('keeps valid rules and reports each bad one in its place, without dropping the rest', () => {
    const source = describeRules([rule('a'), { id: 'b', name: 'No id group', kind: 'client', urlPattern: '^https://x.example/c/\\d+' }, rule('c')]);
    expect(source.listError).toBeNull();
    expect(source.entries.map((e) => e.rule?.id ?? null)).toEqual(['a', null, 'c']);
    expect(source.entries[1]?.error).toContain('named group');
  });

  it('reports a value that is not a list, and uses none of it', () => {
    expect(describeRules({ id: 'a' })).toEqual({ entries: [], listError: 'rules must be a list' });
  });

  it('refuses more rules than the limit as a whole', () => {
    const many = Array.from({ length: MAX_RULES + 1 }, (_, i) => rule(`r${i}`));
    expect(describeRules(many)).toEqual({ entries: [], listError: `more than ${MAX_RULES} rules` });
  });

  it('treats a missing value as no rules', () => {
    expect(describeRules(undefined)).toEqual({ entries: [], listError: null });
  });
});

describe('effectiveRules', () => {
  it('puts policy rules first and drops a user rule that reuses a policy rule id', () => {
    const state = { policy: describeRules([rule('shared', 'policy.example')]), user: describeRules([rule('shared'), rule('mine')]) };
    expect(effectiveRules(state).map((r) => [r.id, r.urlPattern.includes('policy')])).toEqual([['shared', true], ['mine', false]]);
  });
});

describe('readGenericRules', () => {
  it('reads the user’s rules from storage.local and the firm’s from storage.managed', async () => {
    await writeUserRules([rule('mine')]);
    await fakeBrowser.storage.managed.set({ [POLICY_RULES_KEY]: [rule('policy'), 'not a rule'] });
    const state = await readGenericRules();
    expect(state.user.entries.map((e) => e.rule?.id)).toEqual(['mine']);
    expect(state.policy.entries.map((e) => e.error === null)).toEqual([true, false]);
    expect(await fakeBrowser.storage.local.get(USER_RULES_KEY)).toEqual({ [USER_RULES_KEY]: [rule('mine')] });
  });
});
