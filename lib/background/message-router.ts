import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { chooseClient, readResolution } from '../cache/resolution-cache';
import { discardOutboxItem, releaseSignInHolds } from '../cache/outbox-store';
import { isQuotaError, STORAGE_FULL_MESSAGE } from '../cache/storage-errors';
import type { OutboxPayload } from '../messaging/outbox-item-view';
import { describeApiError } from '../endpoint/api-error';
import { ContentToBackground, OptionsToBackground, SidebarToBackground } from '../messaging/protocol';
import { fail, ok, type Result } from '../messaging/result';
import { classifySender, type SenderKind } from '../messaging/sender';
import { effectiveRules, readGenericRules } from '../settings/generic-rules-store';
import type { ActiveSession } from './active-session';
import type { RuleScriptRegistrar } from './content-script-registration';
import type { LayoutStore } from './layout-store';
import type { OutboxService } from './outbox-service';
import { openPipelinePage, pipelineSource } from './pipeline-page';
import type { SyncService } from './sync-service';
import { collectStatus } from './status-report';
import { toExternalRecord } from './record-view-loader';
import type { TabViews } from './tab-views';
import type { RecordReports } from './record-reports';
import { checkBound } from './bound-action';
import type { RecordRefMessage } from '../messaging/record-ref-schema';

export interface RouterDeps {
  sessions: ActiveSession;
  tabs: TabViews;
  /** Which record reports were already acted on (the frame may bring a report first). */
  reports: RecordReports;
  outbox: OutboxService;
  sync: SyncService;
  layout: LayoutStore;
  ruleScripts: RuleScriptRegistrar;
}

/**
 * Receives every one-off message: checks the sender, validates the message against the protocol
 * for that kind of sender, and dispatches. Anything else is answered with a failure, never acted on.
 */
export function createMessageRouter(deps: RouterDeps) {
  const extension = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  return async (message: unknown, sender: Runtime.MessageSender): Promise<Result<unknown>> => {
    const from = classifySender(sender, extension);
    if (!from) return fail('forbidden', 'Unknown sender.');
    try {
      if (from.kind === 'content') return await fromContent(deps, from.tabId, message);
      const ui = SidebarToBackground.safeParse(message);
      if (ui.success) return await fromSidebar(deps, from, ui.data);
      const options = OptionsToBackground.safeParse(message);
      if (options.success) return await fromOptions(deps, options.data);
      return fail('bad-message', 'Message not understood.');
    } catch (error) {
      return fail('internal', error instanceof Error ? error.message : String(error));
    }
  };
}

async function fromContent(deps: RouterDeps, tabId: number, message: unknown): Promise<Result<unknown>> {
  const parsed = ContentToBackground.safeParse(message);
  if (!parsed.success) return fail('bad-message', 'Message not understood.');
  const m = parsed.data;
  switch (m.type) {
    case 'cs.recordChanged':
      if (deps.reports.fromContent(tabId, m.lane, m.n)) void deps.tabs.setRecord(tabId, m.ref, m.pageLoad);
      return ok(null);
    case 'cs.getRules': {
      // With the systems whose sidebar is collapsed: the first report lays the frame out once,
      // at its width, without another message (and without moving the host page twice).
      const [rules, collapsed] = await Promise.all([readGenericRules(), deps.layout.collapsedSystems()]);
      return ok({ rules: effectiveRules(rules), collapsed });
    }
  }
}

async function fromSidebar(deps: RouterDeps, from: SenderKind, m: SidebarToBackground): Promise<Result<unknown>> {
  // The frame in a tab speaks for that tab; the side panel names the tab it follows.
  const tabId = from.tabId ?? ('tabId' in m ? m.tabId : undefined) ?? null;
  const fromPageFrame = from.tabId !== null;
  // After a write: answered once the view with it is pushed, not once the endpoint has revalidated.
  const reloadUntilShown = () => (tabId === null ? Promise.resolve() : deps.tabs.reloadUntilShown(tabId));
  switch (m.type) {
    case 'ui.refresh':
      if (tabId !== null) await deps.tabs.reload(tabId, { force: true });
      void deps.outbox.flush();
      return ok(null);
    case 'ui.logNeed':
      return queue(deps, tabId, fromPageFrame, m, { kind: 'need', need: m.need }, reloadUntilShown);
    case 'ui.setFlag':
      return queue(deps, tabId, fromPageFrame, m, { kind: 'flag-set', flag: m.flag, seenVersion: m.seenVersion }, reloadUntilShown);
    case 'ui.clearFlag':
      return queue(deps, tabId, fromPageFrame, m, { kind: 'flag-clear', seenVersion: m.seenVersion }, reloadUntilShown);
    case 'ui.triageNeed':
      return queue(deps, tabId, fromPageFrame, m, { kind: 'need-triage', needId: m.needId, needTitle: m.needTitle, patch: m.patch, seenVersion: m.seenVersion }, reloadUntilShown);
    case 'ui.recordCheckIn':
      return queue(deps, tabId, fromPageFrame, m, { kind: 'check-in', secondmentId: m.secondmentId, checkIn: m.checkIn }, reloadUntilShown);
    case 'ui.setObjectiveStatus':
      return queue(deps, tabId, fromPageFrame, m, { kind: 'objective', secondmentId: m.secondmentId, objectiveId: m.objectiveId, objectiveText: m.objectiveText, status: m.status, seenVersion: m.seenVersion }, reloadUntilShown);
    case 'ui.discardOutboxItem': {
      const active = await deps.sessions.get();
      if ('signedOut' in active) return fail('signed-out', 'Sign in first.');
      await discardOutboxItem(active.db, m.id);
      await reloadUntilShown();
      return ok(null);
    }
    case 'ui.reapplyOutboxItem': {
      if (!(await deps.outbox.reapply(m.id))) return fail('gone', 'That change is no longer waiting.');
      await reloadUntilShown();
      return ok(null);
    }
    case 'ui.retryOutbox':
      await deps.outbox.flush({ retryNow: 'all' }); // the user asked: skip the back-off (not Retry-After)
      return ok(null);
    case 'ui.searchClients': {
      const active = await deps.sessions.get();
      if ('signedOut' in active) return fail('signed-out', 'Sign in first.');
      const found = await active.api.searchClients(m.query);
      if (!found.ok || !('value' in found)) return fail('search-failed', found.ok ? 'No answer.' : describeApiError(found.error).message);
      return ok(found.value.clients.map(({ id, name, industry }) => ({ id, name, industry })));
    }
    case 'ui.pickClient':
    case 'ui.linkRecord': {
      // The mapping is for the record the user saw, not whatever the tab reports by now.
      const refused = await checkBound(deps, tabId, { record: m.record }, fromPageFrame);
      if (refused || tabId === null) return refused ?? fail('no-record', 'No record is open.');
      const active = await deps.sessions.get();
      if ('signedOut' in active) return fail('signed-out', 'Sign in first.');
      const record = toExternalRecord(m.record);
      if (m.type === 'ui.linkRecord') {
        const linked = await active.api.createMapping(m.clientId, record);
        if (!linked.ok || !('value' in linked)) return fail('link-failed', linked.ok ? 'No answer.' : describeApiError(linked.error).message);
        const { id, name, industry } = linked.value;
        await chooseClient(active.db, record, { id, name, industry });
      } else {
        const resolution = await readResolution(active.db, record);
        const match = resolution?.matches.find((c) => c.id === m.clientId);
        if (!match) return fail('not-a-match', 'That client is not one of the matches for this record.');
        await chooseClient(active.db, record, match);
      }
      await deps.tabs.reload(tabId);
      return ok(null);
    }
    case 'ui.setCollapsed': {
      const ref = tabId === null ? null : await deps.tabs.recordOf(tabId);
      if (ref) await deps.layout.setCollapsed(ref.system, m.collapsed);
      if (tabId !== null) await browser.tabs.sendMessage(tabId, { type: 'bg.setCollapsed', collapsed: m.collapsed }, { frameId: 0 }).catch(() => undefined);
      return ok(null);
    }
    case 'ui.openOptions':
      await browser.runtime.openOptionsPage();
      return ok(null);
    case 'ui.openPipeline':
      await openPipelinePage();
      return ok(null);
    case 'ui.pipelineSource':
      return ok(await pipelineSource(deps.sessions));
    case 'ui.signInWithFirm':
      return signedInWith(deps, await deps.sessions.signInWithFirm());
  }
}

/**
 * A write is acknowledged only once it is committed to the outbox; a full disk is said plainly.
 * It is refused if the tab no longer shows the record and client the sidebar displayed.
 */
async function queue(deps: RouterDeps, tabId: number | null, fromPageFrame: boolean, shown: { record: RecordRefMessage; clientId: string }, payload: OutboxPayload, reloadUntilShown: () => Promise<void>): Promise<Result<unknown>> {
  const refused = await checkBound(deps, tabId, shown, fromPageFrame);
  if (refused) return refused;
  let id: string | null;
  try {
    id = await deps.outbox.enqueue(shown.clientId, payload);
  } catch (error) {
    if (isQuotaError(error)) return fail('storage-full', STORAGE_FULL_MESSAGE);
    throw error;
  }
  if (!id) return fail('signed-out', 'Sign in first.');
  await reloadUntilShown();
  return ok({ id });
}

async function fromOptions(deps: RouterDeps, m: OptionsToBackground): Promise<Result<unknown>> {
  switch (m.type) {
    case 'options.signIn':
      return signedInWith(deps, await deps.sessions.signIn(m.endpointUrl, m.token));
    case 'options.signInWithFirm':
      return signedInWith(deps, await deps.sessions.signInWithFirm());
    case 'options.signOut':
      await deps.sessions.signOut();
      await deps.tabs.resetAll();
      return ok(null);
    case 'options.status':
      return ok(await collectStatus(deps.sessions));
    case 'options.syncNow':
      await deps.outbox.flush({ retryNow: 'all' }); // the user asked: skip the back-offs (not Retry-After)
      await deps.sync.sync({ userAsked: true });
      return ok(await collectStatus(deps.sessions));
    case 'options.saveGenericRules':
      return deps.ruleScripts.replaceUserRules(m.rules);
  }
}

/** After a sign-in (API token or the firm's): writes held for it go out, every view and the book are renewed. */
async function signedInWith(deps: RouterDeps, signedIn: Result<unknown>): Promise<Result<unknown>> {
  if (signedIn.ok) {
    const active = await deps.sessions.get();
    if (!('signedOut' in active)) await releaseSignInHolds(active.db);
    void deps.outbox.flush();
    void deps.tabs.resetAll();
    void deps.sync.sync();
  }
  return signedIn;
}
