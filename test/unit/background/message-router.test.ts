import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import type { ActiveSession } from '@/lib/background/active-session';
import { createMessageRouter, type RouterDeps } from '@/lib/background/message-router';
import type { OutboxService } from '@/lib/background/outbox-service';
import { RecordReports } from '@/lib/background/record-reports';
import { SidebarHub } from '@/lib/background/sidebar-hub';
import { TabViews } from '@/lib/background/tab-views';
import type { RecordRefMessage } from '@/lib/messaging/record-ref-schema';
import type { SidebarView } from '@/lib/messaging/sidebar-view';
import { readyView, RECORD } from '../components/fixtures';

// The router refuses what a sender may not ask, and actions bound to a record the tab has left.

const TAB = 7;
const OTHER: RecordRefMessage = { system: 'clio', kind: 'contact', externalId: '666', tenant: 'app.clio.com' };

function setUp() {
  const enqueued: unknown[] = [];
  const mappings: unknown[] = [];
  const hub = new SidebarHub();
  // The tab's look-up shows Northwind for RECORD and nothing for any other record.
  const tabs = new TabViews(hub, async (ref, _signal, push) => {
    push(ref.externalId === RECORD.externalId ? readyView({ record: ref }) : ({ status: 'not-found', record: ref } as SidebarView));
  });
  const sessions = {
    get: async () => ({ api: { createMapping: async (...args: unknown[]) => (mappings.push(args), { ok: true, value: { id: 'c-x', name: 'X', industry: null }, etag: null, status: 201 }) } }),
  } as unknown as ActiveSession;
  const outbox = { enqueue: async (...args: unknown[]) => (enqueued.push(args), 'ob-1'), flush: async () => undefined } as unknown as OutboxService;
  const reports = new RecordReports();
  const deps = { sessions, tabs, reports, outbox, sync: {}, layout: {}, ruleScripts: {} } as unknown as RouterDeps;
  return { route: createMessageRouter(deps), tabs, reports, enqueued, mappings };
}

const extensionOrigin = () => new URL(browser.runtime.getURL('/')).origin;
const tab = { id: TAB } as NonNullable<Runtime.MessageSender['tab']>;
const contentScript = { id: 'test-extension-id', origin: 'https://app.clio.com', url: 'https://app.clio.com/nc/', tab, frameId: 0 } as Runtime.MessageSender;
const sidebarFrame = () => ({ id: 'test-extension-id', origin: extensionOrigin(), tab, frameId: 4 }) as Runtime.MessageSender;

const needMessage = (record: RecordRefMessage, clientId = 'c-northwind') => ({
  type: 'ui.logNeed', record, clientId, need: { title: 'Sanctions review', practiceArea: 'Employment' },
});

/** What the tab's content script answers when asked whether the frame is shown plainly. */
let frameShown: boolean | 'no content script';
const frameQueries: unknown[] = [];

describe('message router', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    frameShown = true;
    frameQueries.length = 0;
    vi.spyOn(browser.tabs, 'sendMessage').mockImplementation((async (_tab: number, message: unknown) => {
      frameQueries.push(message);
      if (frameShown === 'no content script') throw new Error('Could not establish connection. Receiving end does not exist.');
      return frameShown;
    }) as never);
  });

  it.each([
    ['ui.logNeed', needMessage(RECORD)],
    ['ui.setFlag', { type: 'ui.setFlag', record: RECORD, clientId: 'c-northwind', flag: { reason: 'x', priority: 'low' }, seenVersion: null }],
    ['ui.linkRecord', { type: 'ui.linkRecord', record: RECORD, clientId: 'c-northwind' }],
    ['options.signOut', { type: 'options.signOut' }],
  ])('refuses %s from a content script (the host page’s world), and does nothing', async (_, message) => {
    const { route, tabs, enqueued, mappings } = setUp();
    await tabs.setRecord(TAB, RECORD, true);
    const answer = await route(message, contentScript);
    expect(answer).toEqual({ ok: false, error: { code: 'bad-message', message: 'Message not understood.' } });
    expect(enqueued).toEqual([]);
    expect(mappings).toEqual([]);
  });

  it('refuses any sender that is not this extension', async () => {
    const { route, enqueued } = setUp();
    const answer = await route(needMessage(RECORD), { ...sidebarFrame(), id: 'someone-else' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(enqueued).toEqual([]);
  });

  it('queues a write bound to the record and client the tab still shows', async () => {
    const { route, tabs, enqueued } = setUp();
    await tabs.setRecord(TAB, RECORD, true);
    expect(await route(needMessage(RECORD), sidebarFrame())).toEqual({ ok: true, value: { id: 'ob-1' } });
    expect(enqueued).toHaveLength(1);
  });

  it('refuses a write when the tab moved to another record after the sidebar displayed it', async () => {
    const { route, tabs, enqueued } = setUp();
    await tabs.setRecord(TAB, RECORD, true);
    await tabs.setRecord(TAB, OTHER, false); // the page changed its URL between mousedown and click
    expect(await route(needMessage(RECORD), sidebarFrame())).toMatchObject({ ok: false, error: { code: 'moved-on' } });
    expect(enqueued).toEqual([]);
  });

  it('refuses a write for a client other than the one the tab shows', async () => {
    const { route, tabs, enqueued } = setUp();
    await tabs.setRecord(TAB, RECORD, true);
    expect(await route(needMessage(RECORD, 'c-harbor'), sidebarFrame())).toMatchObject({ ok: false, error: { code: 'moved-on' } });
    expect(enqueued).toEqual([]);
  });

  it.each([false, 'no content script'] as const)('refuses a write from the page’s frame when the content script answers %s to "shown plainly?"', async (answer) => {
    const { route, tabs, enqueued } = setUp();
    await tabs.setRecord(TAB, RECORD, true);
    frameShown = answer;
    expect(await route(needMessage(RECORD), sidebarFrame())).toMatchObject({ ok: false, error: { code: 'covered' } });
    expect(frameQueries).toEqual([{ type: 'bg.isFrameShownPlainly' }]);
    expect(enqueued).toEqual([]);
  });

  it('does not ask the page about a write from the side panel (it is not in the page)', async () => {
    const { route, tabs, enqueued } = setUp();
    await tabs.setRecord(TAB, RECORD, true);
    frameShown = false;
    const sidePanel = { id: 'test-extension-id', origin: extensionOrigin(), url: `${extensionOrigin()}/sidepanel.html` } as Runtime.MessageSender;
    expect(await route({ ...needMessage(RECORD), tabId: TAB }, sidePanel)).toEqual({ ok: true, value: { id: 'ob-1' } });
    expect(frameQueries).toEqual([]);
    expect(enqueued).toHaveLength(1);
  });

  it('links the record the user saw, never the one the page switched to', async () => {
    const { route, tabs, mappings } = setUp();
    await tabs.setRecord(TAB, OTHER, true);
    await tabs.setRecord(TAB, RECORD, false); // the page swapped the record under the pointer
    const answer = await route({ type: 'ui.linkRecord', record: OTHER, clientId: 'c-northwind' }, sidebarFrame());
    expect(answer).toMatchObject({ ok: false, error: { code: 'moved-on' } });
    expect(mappings).toEqual([]);
  });

  it('acts on a record report once: the copy the frame brought first is not looked up again', async () => {
    const { route, tabs, reports } = setUp();
    const lane = '0123456789abcdef0123456789abcdef';
    const setRecord = vi.spyOn(tabs, 'setRecord');
    await route({ type: 'cs.recordChanged', ref: RECORD, pageLoad: true, lane, n: 1 }, contentScript);
    expect(reports.fromFrame(TAB, lane, 2)).toBe(true); // the frame passed report 2 on first
    await route({ type: 'cs.recordChanged', ref: OTHER, pageLoad: false, lane, n: 2 }, contentScript);
    await route({ type: 'cs.recordChanged', ref: RECORD, pageLoad: false, lane, n: 3 }, contentScript);
    expect(setRecord.mock.calls.map(([, ref]) => ref?.externalId)).toEqual([RECORD.externalId, RECORD.externalId]);
  });
});
