import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CONTENT_SCRIPT_MATCHES, type GenericRule } from '@/lib/adapters';
import { CONTENT_SCRIPT_FILE, RULES_SCRIPT_ID, RuleScriptRegistrar, ruleOrigins } from '@/lib/background/content-script-registration';
import { POLICY_RULES_KEY, readGenericRules } from '@/lib/settings/generic-rules-store';
import type { SidebarPlacement } from '@/lib/settings/sidebar-placement';
import { fakeScripting } from '../support/fake-scripting';

const rule = (id: string, host: string): GenericRule => ({
  id, name: id, kind: 'client', urlPattern: `^https://${host.replaceAll('.', '\\.')}/c/(?<externalId>\\d+)`,
});

beforeEach(() => fakeBrowser.reset());

it('lists each rule host once, as a match pattern', () => {
  expect(ruleOrigins([rule('a', 'b.example'), rule('b', 'a.example'), rule('c', 'b.example')])).toEqual(['https://a.example/*', 'https://b.example/*']);
});

it('registers the content script for the rules’ hosts, never on the built-in hosts', async () => {
  const scripting = fakeScripting();
  const registrar = new RuleScriptRegistrar(scripting.api);
  const saved = await registrar.replaceUserRules([rule('intranet', 'intranet.firm.example')]);
  expect(saved.ok).toBe(true);
  expect(scripting.scripts.get(RULES_SCRIPT_ID)).toMatchObject({
    js: [CONTENT_SCRIPT_FILE], matches: ['https://intranet.firm.example/*'], excludeMatches: CONTENT_SCRIPT_MATCHES, runAt: 'document_end',
  });
});

it('updates the registration when rules change and removes it when none are left', async () => {
  const scripting = fakeScripting();
  const registrar = new RuleScriptRegistrar(scripting.api);
  await registrar.replaceUserRules([rule('a', 'a.example')]);
  await registrar.replaceUserRules([rule('a', 'a.example'), rule('b', 'b.example')]);
  expect(scripting.scripts.get(RULES_SCRIPT_ID)?.matches).toEqual(['https://a.example/*', 'https://b.example/*']);
  await registrar.replaceUserRules([]);
  expect(scripting.scripts.size).toBe(0);
  expect(scripting.calls).toEqual(['register', 'update', 'unregister']);
});

it('registers nothing for the rules while the side panel is the placement, and registers them again when the page is', async () => {
  const scripting = fakeScripting();
  let placement: SidebarPlacement = 'side-panel';
  const registrar = new RuleScriptRegistrar(scripting.api, async () => placement);
  expect((await registrar.replaceUserRules([rule('a', 'a.example')])).ok).toBe(true);
  expect(scripting.scripts.size).toBe(0);
  expect((await readGenericRules()).user.entries.map((e) => e.rule?.id)).toEqual(['a']);
  placement = 'page';
  expect(await registrar.sync()).toEqual(['https://a.example/*']);
  expect(scripting.scripts.get(RULES_SCRIPT_ID)?.matches).toEqual(['https://a.example/*']);
  placement = 'side-panel';
  expect(await registrar.sync()).toEqual([]);
  expect(scripting.scripts.size).toBe(0);
});

it('runs overlapping syncs one after another, so the same id is never registered twice', async () => {
  const scripting = fakeScripting();
  const registrar = new RuleScriptRegistrar(scripting.api);
  await fakeBrowser.storage.managed.set({ [POLICY_RULES_KEY]: [rule('p', 'policy.example')] });
  await Promise.all([registrar.sync(), registrar.sync(), registrar.sync()]);
  expect(scripting.calls).toEqual(['register', 'update', 'update']);
  expect(scripting.scripts.get(RULES_SCRIPT_ID)?.matches).toEqual(['https://policy.example/*']);
});

it('refuses a save with a bad rule, names the rule, and changes nothing', async () => {
  const scripting = fakeScripting();
  const registrar = new RuleScriptRegistrar(scripting.api);
  await registrar.replaceUserRules([rule('a', 'a.example')]);
  const saved = await registrar.replaceUserRules([rule('a', 'a.example'), { ...rule('b', 'b.example'), urlPattern: '^http://b.example/(?<externalId>\\d+)' }]);
  expect(saved).toMatchObject({ ok: false, error: { code: 'invalid-rules' } });
  expect(!saved.ok && saved.error.message).toMatch(/^Rule 2: urlPattern: URL pattern must start with \^https:\/\//);
  expect((await readGenericRules()).user.entries.map((e) => e.rule?.id)).toEqual(['a']);
  expect(scripting.scripts.get(RULES_SCRIPT_ID)?.matches).toEqual(['https://a.example/*']);
});
