import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { PLUGINS } from '../adapters';
import { parseRecordUrl } from '../adapters/url';
import { loadPlacement } from '../settings/load-settings';
import { FRAME_SHOWN_QUERY, type PlacementChange } from '../messaging/content-guard';
import { SIDE_PANEL_FLAG, type SidebarPlacement } from '../settings/sidebar-placement';
import { CONTENT_SCRIPT_FILE, ruleOriginsInForce } from './content-script-registration';

/** entrypoints/content.ts as built (CONTENT_SCRIPT_FILE, as a path of the extension's files). */
export const INJECTED_CONTENT_SCRIPT: ScriptPublicPath = `/${CONTENT_SCRIPT_FILE}`;

/** What injecting needs of the browser: the tab's page now, an answer from a content script there, the injection. */
export interface InjectionApi {
  /**
   * Runs the content script in the tab's top frame (the content scripts' isolated world), after
   * setting its side-panel flag there to `sidePanel`: set every time, so a value left in that
   * world by an earlier injection never stands.
   */
  inject(tabId: number, sidePanel: boolean): Promise<unknown>;
  /** The tab's address now (undefined where the extension may not see it). */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** Resolves if a content script of ours that is alive answers in the tab's top frame; rejects if none. */
  ping(tabId: number): Promise<unknown>;
  /** Tells the tab's content script the placement now in force. */
  tell(tabId: number, change: PlacementChange): Promise<unknown>;
}

const browserApi: InjectionApi = {
  async inject(tabId, sidePanel) {
    const target = { tabId, frameIds: [0] };
    await browser.scripting.executeScript({ target, func: setFlag, args: [SIDE_PANEL_FLAG, sidePanel] });
    await browser.scripting.executeScript({ target, files: [INJECTED_CONTENT_SCRIPT] });
  },
  tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
  // The frame-shown query, which the content script always answers (false with no frame).
  ping: (tabId) => browser.tabs.sendMessage(tabId, { type: FRAME_SHOWN_QUERY }, { frameId: 0 }),
  tell: (tabId, change) => browser.tabs.sendMessage(tabId, change, { frameId: 0 }),
};

/** Runs in the page's isolated world; the browser serialises it, so it uses nothing from outside. */
function setFlag(key: string, value: boolean): void {
  (globalThis as Record<string, unknown>)[key] = value;
}

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
 * the script (flagged) comes once the tab's page has loaded: the side panel follows the record from
 * then on, in-page navigations included. With the frame, a page that loaded while the registration
 * was missing (just installed or updated, the placement just changed) gets it the same way; pages
 * already open at install or update too (the browser injects nothing into them). A page whose
 * content script answers is left alone.
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
      return (await this.covers(url)) && (await this.inject(tabId));
    } catch {
      return false; // the tab closed or moved on, or the browser refused (an error page, a withdrawn permission)
    }
  }

  /**
   * Pages already open when the extension was installed or updated, once the registrations are in
   * place; resolves with how many were given the script. Only pages that have loaded: one still
   * loading gets the registered script, or the script once loaded (pageLoaded).
   */
  async openPages(tabs: readonly { id?: number; url?: string; status?: string }[]): Promise<number> {
    const injected = await Promise.all(tabs.map(({ id, url, status }) => (
      id === undefined || url === undefined || status !== 'complete' ? false : this.pageLoaded(id, url))));
    return injected.filter(Boolean).length;
  }

  private async covers(url: string): Promise<boolean> {
    return contentScriptCovers(url, []) || contentScriptCovers(url, await this.sources.ruleOrigins());
  }

  private async inject(tabId: number): Promise<boolean> {
    if (this.injecting.has(tabId)) return false;
    this.injecting.add(tabId);
    try {
      // A live content script of ours answers (one left behind by an earlier version of the extension does not).
      const running = await this.api.ping(tabId).then(() => true, () => false);
      if (running) return false;
      // The page as it is now: the tab may have moved on to another site since its event.
      const url = await this.api.tabUrl(tabId);
      if (url === undefined || !(await this.covers(url))) return false;
      const placement = await this.sources.placement();
      await this.api.inject(tabId, placement === 'side-panel');
      // Changed meanwhile: the registrar told the open pages before this one could hear it.
      const now = await this.sources.placement();
      if (now !== placement) await this.api.tell(tabId, { type: 'bg.setPlacement', sidePanelOnly: now === 'side-panel' }).catch(() => undefined);
      return true;
    } finally {
      this.injecting.delete(tabId);
    }
  }
}
