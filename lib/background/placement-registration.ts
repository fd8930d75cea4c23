import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_MATCHES } from '../adapters';
import type { PlacementChange } from '../messaging/content-guard';
import { loadSettings } from '../settings/load-settings';
import type { SidebarPlacement } from '../settings/sidebar-placement';
import { applyRegistration, ruleOriginsInForce, type ScriptingApi } from './content-script-registration';

/** The registration of entrypoints/side-panel-flag.ts, present only while the side panel is the placement. */
export const FLAG_SCRIPT_ID = 'lens-side-panel-flag';
export const FLAG_SCRIPT_FILE = 'side-panel-flag.js';

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
  matches: async () => [...CONTENT_SCRIPT_MATCHES, ...(await ruleOriginsInForce())],
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
      const sidePanel = placement === 'side-panel';
      const registered = await applyRegistration(this.scripting, FLAG_SCRIPT_ID, sidePanel ? {
        id: FLAG_SCRIPT_ID, js: [FLAG_SCRIPT_FILE], matches: await this.sources.matches(),
        runAt: 'document_start', allFrames: false, persistAcrossSessions: true,
      } : null);
      if (registered !== sidePanel) await this.tellTabs({ type: 'bg.setPlacement', sidePanelOnly: sidePanel });
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
