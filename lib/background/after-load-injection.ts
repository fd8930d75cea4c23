import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { PLUGINS } from '../adapters';
import { parseRecordUrl } from '../adapters/url';
import { loadPlacement } from '../settings/load-settings';
import { FRAME_SHOWN_QUERY } from '../messaging/content-guard';
import type { SidebarPlacement } from '../settings/sidebar-placement';
import { CONTENT_SCRIPT_FILE, ruleOriginsInForce } from './content-script-registration';

/** entrypoints/side-panel-flag.ts as built: injected right before the content script with the side panel. */
export const FLAG_SCRIPT_FILE: ScriptPublicPath = '/side-panel-flag.js';
/** entrypoints/content.ts as built (CONTENT_SCRIPT_FILE, as a path of the extension's files). */
export const INJECTED_CONTENT_SCRIPT: ScriptPublicPath = `/${CONTENT_SCRIPT_FILE}`;

/** What injecting needs of the browser: the tab's page now, an answer from a content script there, the injection. */
export interface InjectionApi {
  /** Runs `files`, in order, in the tab's top frame (the content scripts' isolated world). */
  inject(tabId: number, files: ScriptPublicPath[]): Promise<unknown>;
  /** The tab's address now (undefined where the extension may not see it). */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** Resolves if a content script of ours that is alive answers in the tab's top frame; rejects if none. */
  ping(tabId: number): Promise<unknown>;
}

const browserApi: InjectionApi = {
  inject: (tabId, files) => browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files }),
  tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
  // The frame-shown query, which the content script always answers (false with no frame).
  ping: (tabId) => browser.tabs.sendMessage(tabId, { type: FRAME_SHOWN_QUERY }, { frameId: 0 }),
};

export interface InjectionSources {
  /** The effective `sidebarPlacement`: policy over the user's choice. */
  placement(): Promise<SidebarPlacement>;
  /** The firm's rules' origins as match patterns (`https://host/*`). */
  ruleOrigins(): Promise<string[]>;
}

const fromSettings: InjectionSources = { placement: loadPlacement, ruleOrigins: ruleOriginsInForce };

/** Whether the content script belongs on `url`: a built-in system's host, or a host of the firm's rules. */
export function contentScriptCovers(url: string, ruleOrigins: readonly string[]): boolean {
  const parsed = parseRecordUrl(url);
  if (parsed === null) return false;
  const builtIn = PLUGINS.some((plugin) => {
    try {
      return plugin.urlGate(parsed);
    } catch {
      return false;
    }
  });
  return builtIn || ruleOrigins.includes(`https://${parsed.hostname}/*`);
}

/**
 * Gives a page the content script after it has loaded, where no registration gave it one at load.
 * With the side panel as the placement nothing of ours is registered (placement-registration.ts):
 * Chromium's injection of any content script, even an empty one, costs a fast CRM page's load event
 * several per cent, and the side panel inserts nothing into the page that must be there early. So
 * the script (after its flag) comes once the tab's page has loaded: the side panel follows the
 * record from then on, in-page navigations included. Also, at install or update, for pages already
 * open (the browser injects nothing into them). A page whose content script answers is left alone.
 */
export class AfterLoadInjector {
  /** Tabs being given the script now: a second event meanwhile would start a second copy. */
  private readonly injecting = new Set<number>();

  constructor(
    private readonly api: InjectionApi = browserApi,
    private readonly sources: InjectionSources = fromSettings,
  ) {}

  /** The tab's page finished loading. Resolves with whether the content script was injected; never rejects. */
  async pageLoaded(tabId: number, url: string): Promise<boolean> {
    try {
      if (!(await this.covers(url)) || (await this.sources.placement()) !== 'side-panel') return false;
      return await this.inject(tabId, true);
    } catch {
      return false; // the tab closed or moved on, or the browser refused (an error page, a withdrawn permission)
    }
  }

  /**
   * Pages already open when the extension was installed or updated, once the registrations are in
   * place; resolves with how many were given the script. Only pages that have loaded: one still
   * loading gets the registered script, or this one once loaded (pageLoaded).
   */
  async openPages(tabs: readonly { id?: number; url?: string; status?: string }[]): Promise<number> {
    const sidePanel = (await this.sources.placement()) === 'side-panel';
    const injected = await Promise.all(tabs.map(async ({ id, url, status }) => {
      if (id === undefined || url === undefined || status !== 'complete') return false;
      try {
        return (await this.covers(url)) && (await this.inject(id, sidePanel));
      } catch {
        return false;
      }
    }));
    return injected.filter(Boolean).length;
  }

  private async covers(url: string): Promise<boolean> {
    return contentScriptCovers(url, []) || contentScriptCovers(url, await this.sources.ruleOrigins());
  }

  private async inject(tabId: number, sidePanel: boolean): Promise<boolean> {
    if (this.injecting.has(tabId)) return false;
    this.injecting.add(tabId);
    try {
      // A live content script of ours answers (one left behind by an earlier version of the extension does not).
      const running = await this.api.ping(tabId).then(() => true, () => false);
      if (running) return false;
      // The page as it is now: the tab may have moved on to another site since its event.
      const url = await this.api.tabUrl(tabId);
      if (url === undefined || !(await this.covers(url))) return false;
      await this.api.inject(tabId, sidePanel ? [FLAG_SCRIPT_FILE, INJECTED_CONTENT_SCRIPT] : [INJECTED_CONTENT_SCRIPT]);
      return true;
    } finally {
      this.injecting.delete(tabId);
    }
  }
}
