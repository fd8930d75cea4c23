import { browser } from 'wxt/browser';
import { ActiveSession } from '@/lib/background/active-session';
import { LayoutStore } from '@/lib/background/layout-store';
import { createMessageRouter } from '@/lib/background/message-router';
import { OUTBOX_ALARM, OutboxService } from '@/lib/background/outbox-service';
import { loadRecordView } from '@/lib/background/record-view-loader';
import { SidebarHub } from '@/lib/background/sidebar-hub';
import { TabViews } from '@/lib/background/tab-views';
import { SIDEBAR_PORT } from '@/lib/messaging/protocol';
import { classifySender } from '@/lib/messaging/sender';
import { restrictStorageToExtension } from '@/lib/settings/session-store';

// The only code that talks to the firm endpoint and owns the cache. Everything here runs on every
// worker start: Chrome stops the worker whenever it likes and onStartup is not reliable.
export default defineBackground(() => {
  void restrictStorageToExtension();
  const sessions = new ActiveSession();
  const hub = new SidebarHub();
  const tabs = new TabViews(hub, (ref, signal, push, options) => loadRecordView(sessions, ref, signal, push, options));
  const outbox = new OutboxService(sessions, () => tabs.reloadAll());
  const layout = new LayoutStore();
  const route = createMessageRouter({ sessions, tabs, outbox, layout });
  const extension = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  browser.runtime.onConnect.addListener((port) => {
    const from = port.sender && classifySender(port.sender, extension);
    if (port.name !== SIDEBAR_PORT || from?.kind !== 'extension-page' || from.tabId === null) {
      port.disconnect();
      return;
    }
    const tabId = from.tabId;
    hub.add(port, tabId, () => undefined);
    void tabs.current(tabId);
  });

  browser.tabs.onRemoved.addListener((tabId) => tabs.forget(tabId));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void outbox.flush();
  });

  // Queued writes go out at every worker start (after a restart of the browser, too).
  void outbox.flush();
});
