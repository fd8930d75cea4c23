import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_MATCHES } from '../adapters';
import type { PlacementChange } from '../messaging/content-guard';
import { loadPlacement } from '../settings/load-settings';
import type { SidebarPlacement } from '../settings/sidebar-placement';
import { applyRegistration, CONTENT_SCRIPT_FILE, type ScriptingApi } from './content-script-registration';

/**
 * The content script's registration for the built-in systems' hosts, present only while the page
 * is the placement (the firm's rules' hosts have their own: content-script-registration.ts).
 */
export const PAGE_SCRIPT_ID = 'lens-content';
/** What earlier versions registered while the side panel was the placement (a flag script at document_start): removed. */
export const LEGACY_FLAG_SCRIPT_ID = 'lens-side-panel-flag';

/** Tells the content script of every open tab's page (top frame) the placement now in force. */
export type TellTabs = (change: PlacementChange) => Promise<void>;


/**
 * Decides whether anything of ours runs while a CRM page loads. With the frame (the page as the
 * placement) the content script is registered at document_end on the built-in systems' hosts, so
 * the frame is on its way before the page's load event. With the side panel nothing is registered:
 * even an empty content script costs a fast page's load event several per cent (docs/BENCHMARKS.md),
 * so the script is injected once the page has loaded (after-load-injection.ts). Open pages are told
 * when the placement changes: their frame goes, or comes back beside the record. Run at every
 * worker start (a policy may have changed while the browser was closed) and at every settings
 * change; runs never overlap.
 */
export class PlacementRegistrar {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly scripting: ScriptingApi = browser.scripting,
    /** The effective `sidebarPlacement`: policy over the user's choice. */
    private readonly placement: () => Promise<SidebarPlacement> = loadPlacement,
    private readonly tellTabs: TellTabs = tellOpenTabs,
  ) {}

  /** Resolves with the placement in force once registered, or rejects with why the browser refused. */
  sync(): Promise<SidebarPlacement> {
    const run = this.queue.then(async () => {
      const placement = await this.placement();
      const page = placement === 'page';
      const registered = await applyRegistration(this.scripting, PAGE_SCRIPT_ID, page ? {
        id: PAGE_SCRIPT_ID, js: [CONTENT_SCRIPT_FILE], matches: CONTENT_SCRIPT_MATCHES,
        runAt: 'document_end', allFrames: false, persistAcrossSessions: true,
      } : null);
      await applyRegistration(this.scripting, LEGACY_FLAG_SCRIPT_ID, null);
      if (registered !== page) await this.tellTabs({ type: 'bg.setPlacement', sidePanelOnly: !page });
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
