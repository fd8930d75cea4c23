import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Runtime } from 'webextension-polyfill';
import { LookupRateLimit } from '@/lib/background/lookup-rate-limit';
import { SidebarHub } from '@/lib/background/sidebar-hub';
import { TabViews } from '@/lib/background/tab-views';
import type { RecordRefMessage } from '@/lib/messaging/record-ref-schema';
import type { SidebarView } from '@/lib/messaging/sidebar-view';
import { outboxNeed, readyView, RECORD } from '../components/fixtures';

// Purges reach every view and stay; look-ups per tab are rate-limited.

/** A hub with one fake port per tab, recording what each was pushed. */
function hubFor(tabIds: number[]) {
  const hub = new SidebarHub();
  const seen = new Map<number, SidebarView[]>();
  for (const tabId of tabIds) {
    seen.set(tabId, []);
    const port = { postMessage: (m: { view: SidebarView }) => seen.get(tabId)!.push(m.view), onDisconnect: { addListener: () => undefined } } as unknown as Runtime.Port;
    hub.add(port, { tabId, panelWindowId: null });
  }
  const last = (tabId: number) => seen.get(tabId)!.at(-1);
  return { hub, seen, last };
}

const record = (externalId: string): RecordRefMessage => ({ ...RECORD, externalId });

describe('tab views', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a purge reaches every tab showing the client at once, and a re-push does not bring it back', async () => {
    const { hub, last } = hubFor([1, 2, 3]);
    const forgotten: string[] = [];
    const tabs = new TabViews(hub, async (ref, _s, push) => push(ref.externalId === '2000' ? { status: 'not-found', record: ref } : readyView({ record: ref })), {
      forgetClient: async (id) => (forgotten.push(id), [outboxNeed('dead-letter')]),
    });
    await tabs.setRecord(1, record('1001'), true);
    await tabs.setRecord(2, record('5001'), true);
    await tabs.setRecord(3, record('2000'), true);
    expect(last(1)?.status).toBe('ready');

    await tabs.purge('c-northwind');
    expect(forgotten).toEqual(['c-northwind']);
    expect(last(1)).toMatchObject({ status: 'restricted', unsent: [{ id: 'ob-dead-letter' }] });
    expect(last(2)?.status).toBe('restricted');
    expect(last(3)?.status).toBe('not-found'); // another record: untouched
    await tabs.current(1); // a side panel re-bound, a frame reconnected
    expect(last(1)?.status).toBe('restricted');
  });

  it('an answer from a look-up started before the purge is never shown, even when it arrives after', async () => {
    const { hub, last } = hubFor([1]);
    let answer: (() => void) | null = null;
    const tabs = new TabViews(hub, (ref, _s, push) => new Promise<void>((resolve) => {
      push({ status: 'loading', record: ref });
      answer = () => (push(readyView({ record: ref })), resolve());
    }), { forgetClient: async () => [] });
    const loading = tabs.setRecord(1, record('1001'), true);
    await tabs.purge('c-northwind'); // access.revoke from sync while the context was on its way
    answer!();
    await loading;
    expect(last(1)?.status).toBe('restricted');

    // A look-up started after the purge may show it again: the endpoint has answered since.
    const again = tabs.reload(1);
    await new Promise((r) => setTimeout(r, 0));
    answer!();
    await again;
    expect(last(1)?.status).toBe('ready');
  });

  it('look-ups per tab: a burst, then one per interval; the latest record is looked up when allowed', async () => {
    let now = 0;
    const { hub, last } = hubFor([1]);
    const looked: string[] = [];
    const tabs = new TabViews(hub, async (ref, _s, push) => (looked.push(ref.externalId), push({ status: 'not-found', record: ref })), {
      limiter: new LookupRateLimit(() => now, 3, 1_000),
    });
    // A page forging "fresh page" reports as fast as it can.
    for (let i = 0; i < 6; i++) await tabs.setRecord(1, record(`90${i}`), true);
    expect(looked).toEqual(['900', '901', '902']);
    expect(last(1)).toMatchObject({ status: 'loading', record: { externalId: '905' } });
    now = 1_000;
    await new Promise((r) => setTimeout(r, 1_100));
    expect(looked).toEqual(['900', '901', '902', '905']);
  });
});
