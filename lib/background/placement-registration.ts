import { browser } from 'wxt/browser';
import type { Scripting } from 'webextension-polyfill';
import { CONTENT_SCRIPT_MATCHES } from '../adapters';
import type { PlacementChange } from '../messaging/content-guard';
import { loadSettings } from '../settings/load-settings';
import { effectiveRules, readGenericRules } from '../settings/generic-rules-store';
import type { SidebarPlacement } from '../settings/sidebar-placement';
import { ruleOrigins } from './content-script-registration';

/** The registration of entrypoints/side-panel-flag.ts, present only while the side panel is the placement. */
export const FLAG_SCRIPT_ID = 'lens-side-panel-flag';
export const FLAG_SCRIPT_FILE = 'side-panel-flag.js';

type ScriptingApi = Pick<Scripting.Static, 'getRegisteredContentScripts' | 'registerContentScripts' | 'updateContentScripts' | 'unregisterContentScripts'>;

/** Tells the content script of every open tab's page (top frame) the placement now in force. */
export type TellTabs = (change: PlacementChange) => Promise<void>;

export interface PlacementSources {
  /** The effective `sidebarPlacement`: policy over the user's choice. */
  placement(): Promise<SidebarPlacement>;
  /** Where the content script runs: the built-in systems' hosts and the firm's rules' origins. */
  matches(): Promise<string[]>;
}

const settingsAndRules: PlacementSources = {
  placement: async () => (await loadSettings()).settings.sidebarPlacement,
  matches: async () => [...CONTENT_SCRIPT_MATCHES, ...ruleOrigins(effectiveRules(await readGenericRules()))],
};

/**
 * Makes the content script see the placement in force before it inserts anything: while the side
 * panel is the placement, a one-line flag script is registered at document_start wherever the
 * content script runs (it persists across browser restarts); otherwise none is. Open pages are told
 * when the placement changes: their frame goes, or comes back beside the record. Run at every
 * worker start (a policy may have changed while the browser was closed), at every settings change
 * and after the firm's rules change (their origins); runs never overlap.
 */
export class PlacementRegistrar {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly scripting: ScriptingApi = browser.scripting,
    private readonly sources: PlacementSources = settingsAndRules,
    private readonly tellTabs: TellTabs = tellOpenTabs,
  ) {}

  /** Resolves with the placement in force once registered, or rejects with why the browser refused. */
  sync(): Promise<SidebarPlacement> {
    const run = this.queue.then(async () => {
      const placement = await this.sources.placement();
      const registered = (await this.scripting.getRegisteredContentScripts({ ids: [FLAG_SCRIPT_ID] })).length > 0;
      if (placement === 'side-panel') {
        const script = {
          id: FLAG_SCRIPT_ID, js: [FLAG_SCRIPT_FILE], matches: await this.sources.matches(),
          runAt: 'document_start' as const, allFrames: false, persistAcrossSessions: true,
        };
        if (registered) await this.scripting.updateContentScripts([script]);
        else await this.scripting.registerContentScripts([script]);
      } else if (registered) await this.scripting.unregisterContentScripts({ ids: [FLAG_SCRIPT_ID] });
      if (registered !== (placement === 'side-panel')) await this.tellTabs({ type: 'bg.setPlacement', sidePanelOnly: placement === 'side-panel' });
      return placement;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

async function tellOpenTabs(change: PlacementChange): Promise<void> {
  const tabs = await browser.tabs.query({});
  // A tab without the content script (another site, a browser page) refuses: nothing to tell.
  await Promise.all(tabs.map((tab) => tab.id === undefined ? undefined
    : browser.tabs.sendMessage(tab.id, change, { frameId: 0 }).catch(() => undefined)));
}
