import { browser } from 'wxt/browser';
import { PIPELINE_PAGE, type PipelineSource } from '../messaging/pipeline-source';
import type { ActiveSession } from './active-session';

const MENU_ID = 'lens.open-pipeline';
const MENU_TITLE = 'Open the pipeline (whole book)';

/** Opens the pipeline page in a new tab, next to the one the user is on. */
export async function openPipelinePage(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(PIPELINE_PAGE) });
}

/**
 * An item in the toolbar button's own right-click menu. A context menu on the action needs only
 * `contextMenus` (no install warning); a popup would take over the button's click, which opens the
 * side panel. Menus outlive the worker, so it is recreated (not added twice) on every start.
 */
export function registerPipelineMenu(): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  menus.onClicked.addListener((info) => {
    if (info.menuItemId === MENU_ID) void openPipelinePage();
  });
  const context = import.meta.env.MANIFEST_VERSION === 2 ? 'browser_action' : 'action';
  void menus.removeAll().then(() => menus.create({ id: MENU_ID, title: MENU_TITLE, contexts: [context] })).catch(() => undefined);
}

/**
 * Which partition the page may read: the signed-in user's, opened (and upgraded) by the background
 * first, so the page never creates or upgrades it. Signed out: nothing to read.
 */
export async function pipelineSource(sessions: ActiveSession): Promise<PipelineSource> {
  const active = await sessions.get();
  if ('signedOut' in active) return { state: 'signed-out', reason: active.signedOut };
  const { user, partition } = active.session;
  return { state: 'ready', partition, user: { name: user.name, role: user.role } };
}
