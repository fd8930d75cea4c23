import { browser } from 'wxt/browser';
import type { Scripting } from 'webextension-polyfill';
import { CONTENT_SCRIPT_MATCHES, type GenericRule, originPatternOfRule } from '../adapters';
import { parseGenericRules } from '../adapters/generic-rule-schema';
import { fail, ok, type Result } from '../messaging/result';
import { effectiveRules, readGenericRules, writeUserRules } from '../settings/generic-rules-store';
import { loadPlacement } from '../settings/load-settings';
import type { SidebarPlacement } from '../settings/sidebar-placement';

/** The id of the one dynamic registration that covers every generic rule's host. */
export const RULES_SCRIPT_ID = 'lens-generic-rules';
/** The content script WXT builds from entrypoints/content.ts; every registration and injection runs it. */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

export type ScriptingApi = Pick<Scripting.Static, 'getRegisteredContentScripts' | 'registerContentScripts' | 'updateContentScripts' | 'unregisterContentScripts'>;

/**
 * Makes the dynamic registration `id` be `script` (registered, or updated in place), or, with
 * null, be gone. Returns whether it was registered before.
 */
export async function applyRegistration(scripting: ScriptingApi, id: string, script: Scripting.RegisteredContentScript | null): Promise<boolean> {
  const registered = (await scripting.getRegisteredContentScripts({ ids: [id] })).length > 0;
  if (script) await (registered ? scripting.updateContentScripts([script]) : scripting.registerContentScripts([script]));
  else if (registered) await scripting.unregisterContentScripts({ ids: [id] });
  return registered;
}

/** The match patterns the firm's rules need, e.g. `https://intranet.firm.example/*`, once each. */
export function ruleOrigins(rules: readonly GenericRule[]): string[] {
  return [...new Set(rules.map(originPatternOfRule).filter((o): o is string => o !== null))].sort();
}

/**
 * Makes the dynamic registration match `origins`: registers, updates or removes it. The built-in
 * systems' hosts have a registration of their own (`lens-content`, placement-registration.ts); a
 * firm's in-house system gets the script here, for the origins its rules name. Built-in hosts are
 * excluded so that no page ever gets the script twice (each copy asks for the rules too). Chrome
 * injects only where the user granted the host permission, which the options page requests when a
 * rule is added.
 */
export async function applyRuleOrigins(scripting: ScriptingApi, origins: string[]): Promise<void> {
  await applyRegistration(scripting, RULES_SCRIPT_ID, origins.length === 0 ? null : {
    id: RULES_SCRIPT_ID,
    js: [CONTENT_SCRIPT_FILE],
    matches: origins,
    excludeMatches: CONTENT_SCRIPT_MATCHES,
    runAt: 'document_end',
    allFrames: false,
    persistAcrossSessions: true,
  });
}

/** The origins of the rules in force (policy's and the user's), as match patterns. */
export async function ruleOriginsInForce(): Promise<string[]> {
  return ruleOrigins(effectiveRules(await readGenericRules()));
}

/**
 * Keeps the registration in step with the configured rules and the sidebar's placement: the rules'
 * origins while the page is the placement, none with the side panel (the content script then comes
 * once a page has loaded: after-load-injection.ts). The user's rules change through it. Run at
 * every worker start (a policy may have changed while the browser was closed) and whenever rules
 * or settings change; runs never overlap, so two quick changes cannot both register the same id.
 */
export class RuleScriptRegistrar {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly scripting: ScriptingApi = browser.scripting,
    private readonly placement: () => Promise<SidebarPlacement> = loadPlacement,
  ) {}

  /** Resolves with the origins registered, or rejects with why the browser refused. */
  sync(): Promise<string[]> {
    const run = this.queue.then(async () => {
      const origins = (await this.placement()) === 'page' ? await ruleOriginsInForce() : [];
      await applyRuleOrigins(this.scripting, origins);
      return origins;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Replaces the user's rules (from the options page). All or nothing: one bad rule refuses the
   * save, with each rule's error, so the user sees what to fix. Answers once the content script is
   * registered for the rules' hosts, so a page opened next is already covered.
   */
  async replaceUserRules(input: unknown[]): Promise<Result<null>> {
    const { rules, errors } = parseGenericRules(input);
    if (errors.length > 0) return fail('invalid-rules', errors.map((e) => `Rule ${e.index + 1}: ${e.message}`).join('\n'));
    await writeUserRules(rules);
    try {
      await this.sync();
    } catch (error) {
      return fail('registration-failed', `Saved, but the browser refused to run Secondment Lens on these hosts: ${String(error)}`);
    }
    return ok(null);
  }
}
