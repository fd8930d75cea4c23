import { REMINDERS_ALARM, ReminderService } from '@/lib/background/reminder-service';
import { REMINDERS_KEY } from '@/lib/settings/reminders-preference';
import { browser } from 'wxt/browser';
import { benchSignIn } from '@/lib/background/bench-sign-in';
import { ActiveSession } from '@/lib/background/active-session';
import { FirmSignIn } from '@/lib/background/firm-sign-in';
import { AfterLoadInjector } from '@/lib/background/after-load-injection';
import { RuleScriptRegistrar } from '@/lib/background/content-script-registration';
import { LayoutStore } from '@/lib/background/layout-store';
import { createMessageRouter } from '@/lib/background/message-router';
import { OUTBOX_ALARM, OutboxService } from '@/lib/background/outbox-service';
import { PlacementBadge } from '@/lib/background/placement-badge';
import { PlacementRegistrar } from '@/lib/background/placement-registration';
import { registerPipelineMenu } from '@/lib/background/pipeline-page';
import { loadRecordView } from '@/lib/background/record-view-loader';
import { RecordReports } from '@/lib/background/record-reports';
import { SidebarHub } from '@/lib/background/sidebar-hub';
import { acceptLaneOffers, SidebarLanes } from '@/lib/background/sidebar-lanes';
import { SYNC_ALARM, SyncService } from '@/lib/background/sync-service';
import { TabViews } from '@/lib/background/tab-views';
import { purgeClient } from '@/lib/cache/context-cache';
import type { OutboxItemView } from '@/lib/messaging/outbox-item-view';
import { FrameRecordReport, SIDE_PANEL_PORT_PREFIX, SIDEBAR_PORT, SidebarLaneOffer } from '@/lib/messaging/protocol';
import { classifySender } from '@/lib/messaging/sender';
import { SETTINGS_KEY } from '@/lib/settings/settings-schema';

// The only code that talks to the firm endpoint and owns the cache. Everything here runs on every
// worker start: Chrome stops the worker whenever it likes and onStartup is not reliable.
export default defineBackground(() => {
  // The session tells the outbox when reads succeed again (see ActiveSession); only ever called
  // from a fetch, after `outbox` below exists.
  // Sign-in with the firm's identity provider: its tokens stay here, in the worker's 'secondment-lens-auth' database.
  const sessions = new ActiveSession(undefined, () => outbox.retryWaiting(), new FirmSignIn());
  // With the side panel as the placement, the toolbar button marks tabs whose record is a client.
  const badge = new PlacementBadge();
  // A record report the frame passes on from the content script counts only with that tab's nonce.
  const reports = new RecordReports();
  let frameReportMarks = 0;
  const hub = new SidebarHub((tabId, view) => badge.viewFor(tabId, view), (tabId, message) => {
    const report = FrameRecordReport.safeParse(message);
    const acted = report.success && reports.fromFrame(tabId, report.data.lane, report.data.n);
    // User Timing, for the e2e: cleared every 256, since a host page can make its frame pass on any
    // number of reports (refused here) and marks are kept until cleared.
    if (++frameReportMarks % 256 === 0) performance.clearMarks('lens:frame-report');
    performance.mark('lens:frame-report', { detail: { acted } });
    if (acted) void tabs.setRecord(tabId, report.data.ref, false);
  });
  const tabs: TabViews = new TabViews(hub, (ref, signal, push, options) => loadRecordView(sessions, ref, signal, push, options), {
    // A purged client's data leaves the cache; what the user wrote for it stays visible.
    forgetClient: async (clientId): Promise<OutboxItemView[]> => {
      const active = await sessions.get();
      if (!('signedOut' in active)) await purgeClient(active.db, clientId);
      return outbox.unsentFor(clientId);
    },
  });
  const outbox: OutboxService = new OutboxService(sessions, () => tabs.reloadAll());
  // Revoked or deleted by sync: every view showing the client says so at once, then all reload.
  const purgeViews = async (clientIds: Iterable<string>) => {
    for (const clientId of clientIds) await tabs.purge(clientId);
  };
  // Each page's purges reach the views when it commits; the run's end purges what expired and
  // reloads the views (a second purge of the same client changes nothing).
  const sync = new SyncService(sessions, async ({ purged }) => {
    await purgeViews(purged);
    await tabs.reloadAll();
  }, Date.now, { onPagePurged: purgeViews });
  const layout = new LayoutStore();
  // Where the sidebar shows: with the frame, the content script is registered for the built-in
  // systems' hosts (placement) and the rules' (ruleScripts); with the side panel, neither, and it
  // comes once each page has loaded (afterLoad).
  const placement = new PlacementRegistrar();
  const syncPlacement = () => placement.sync().then((p) => badge.setPlacement(p === 'side-panel')).catch(() => undefined);
  const ruleScripts = new RuleScriptRegistrar();
  const afterLoad = new AfterLoadInjector();
  const reminders = new ReminderService(sessions);
  const route = createMessageRouter({ sessions, tabs, reports, outbox, sync, layout, ruleScripts });
  const extension = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  // A sidebar page's views skip the browser process once its lane is paired (see SidebarLanes).
  const lanes = new SidebarLanes((port, lane) => hub.attachLane(port, lane));
  acceptLaneOffers(self, extension.origin, lanes);

  browser.runtime.onConnect.addListener((port) => {
    const from = port.sender && classifySender(port.sender, extension);
    if (from?.kind !== 'extension-page') return port.disconnect();
    port.onMessage.addListener((message: unknown) => {
      const offer = SidebarLaneOffer.safeParse(message);
      if (offer.success) lanes.portAsked(port, offer.data.nonce);
    });
    if (port.name === SIDEBAR_PORT && from.tabId !== null) {
      hub.add(port, { tabId: from.tabId, panelWindowId: null });
      void tabs.current(from.tabId);
    } else if (port.name.startsWith(SIDE_PANEL_PORT_PREFIX)) {
      const windowId = Number(port.name.slice(SIDE_PANEL_PORT_PREFIX.length));
      if (!Number.isInteger(windowId)) return port.disconnect();
      hub.add(port, { tabId: null, panelWindowId: windowId });
      void browser.tabs.query({ active: true, windowId }).then(([tab]) => {
        if (tab?.id !== undefined && hub.bindPanels(windowId, tab.id)) void tabs.current(tab.id);
      });
    } else port.disconnect();
  });

  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    if (hub.bindPanels(windowId, tabId)) void tabs.current(tabId);
  });
  // With the side panel as the placement, a CRM page gets the content script once it has loaded.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'complete' && tab.url) void afterLoad.pageLoaded(tabId, tab.url);
  });
  // Installed or updated: the browser gives pages already open no content script; they get it now.
  browser.runtime.onInstalled.addListener(() => {
    void Promise.all([syncPlacement(), ruleScripts.sync().catch(() => undefined)])
      .then(() => browser.tabs.query({}))
      .then((open) => afterLoad.openPages(open))
      .catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    tabs.forget(tabId);
    reports.forget(tabId);
    badge.forget(tabId);
  });
  // Firm IT changed the policy rules: follow them (the user's own rules change through the router).
  browser.permissions.onAdded.addListener(() => sessions.permissionsChanged());
  browser.permissions.onRemoved.addListener(() => sessions.permissionsChanged());
  browser.storage.onChanged.addListener((changes, area) => {
    // Policy (its rules included) or the user's settings: the placement, and with it where the
    // content script is registered, may have changed.
    if (area === 'managed' || (area === 'local' && SETTINGS_KEY in changes)) {
      sessions.settingsChanged();
      void syncPlacement();
      void ruleScripts.sync().catch(() => undefined);
    }
    if (area === 'local' && REMINDERS_KEY in changes) void reminders.schedule().then(() => reminders.check()).catch(() => undefined);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void outbox.flush();
    if (alarm.name === SYNC_ALARM) void sync.sync().then(() => outbox.flush());
    if (alarm.name === REMINDERS_ALARM) void reminders.check().catch(() => undefined);
  });
  registerPipelineMenu(); // the toolbar button's menu: "Open the pipeline"
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'toggle-sidebar' && tab?.id !== undefined) void toggleSidebar(tab.id);
  });
  // The toolbar button opens the side panel (Chrome); the in-page frame stays where it is.
  (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel
    ?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  // Firefox has no side panel: its sidebar opens from the same button (toggle() only works inside
  // the handler of the user's click, so it is called there, synchronously).
  const firefox = browser as unknown as { sidebarAction?: { toggle(): Promise<void> }; browserAction?: { onClicked: { addListener(f: () => void): void } } };
  const firefoxSidebar = firefox.sidebarAction;
  if (firefoxSidebar) firefox.browserAction?.onClicked.addListener(() => void firefoxSidebar.toggle().catch(() => undefined));

  /** The keyboard shortcut: collapse or expand the frame on this tab, remembered for its system. */
  async function toggleSidebar(tabId: number): Promise<void> {
    const ref = await tabs.recordOf(tabId);
    if (!ref) return;
    const collapsed = !(await layout.isCollapsed(ref.system));
    await layout.setCollapsed(ref.system, collapsed);
    await browser.tabs.sendMessage(tabId, { type: 'bg.setCollapsed', collapsed }, { frameId: 0 }).catch(() => undefined);
  }

  // At every worker start (after a restart of the browser, too): queued writes go out, and the book
  // is brought up to date if it is stale or a sync was cut short.
  void outbox.flush();
  // The content script's registrations and where the sidebar shows, re-synced in case policy
  // changed while stopped.
  void ruleScripts.sync().catch(() => undefined);
  void syncPlacement();
  void sync.schedule();
  void sync.syncIfStale();
  void reminders.schedule().catch(() => undefined);
  // Bench builds only ('' elsewhere: the bundler drops this branch and the module it imports).
  if (import.meta.env.LENS_BENCH_REPORT_URL) {
    void benchSignIn(import.meta.env.LENS_BENCH_REPORT_URL, route).catch((error: unknown) => console.error('bench sign-in', error));
  }
});
