import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Runtime } from 'webextension-polyfill';
import { LookupRateLimit } from '@/lib/background/lookup-rate-limit';
import { SidebarHub } from '@/lib/background/sidebar-hub';
import type { LoadOptions } from '@/lib/background/record-view-loader';
import { TabViews } from '@/lib/background/tab-views';
import type { RecordRefMessage } from '@/lib/messaging/record-ref-schema';
import type { SidebarView } from '@/lib/messaging/sidebar-view';
import { outboxNeed, readyView, RECORD } from '../components/fixtures';

// Purges reach every view and stay; the endpoint look-ups a page's reports start are rate-limited per
// tab, not what the cache answers.

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

/**
 * A loader shaped like loadRecordView: paints from the cache at once, then waits for its endpoint
 * turn; `endpoint` records each record that reached the endpoint.
 */
function cachingLoader(cached: Set<string>, endpoint: string[]) {
  return async (ref: RecordRefMessage, signal: AbortSignal, push: (view: SidebarView) => void, options: LoadOptions = {}) => {
    push(cached.has(ref.externalId) ? readyView({ record: ref, freshness: { fetchedAt: new Date(0).toISOString(), state: 'revalidating' } }) : { status: 'loading', record: ref });
    if (options.endpointTurn && !(await options.endpointTurn())) return;
    endpoint.push(ref.externalId);
    if (signal.aborted) return;
    push(cached.has(ref.externalId) ? readyView({ record: ref, freshness: { fetchedAt: new Date().toISOString(), state: 'fresh' } }) : { status: 'not-found', record: ref });
  };
}

describe('tab views', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.useRealTimers());

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

  it('after a write, the answer waits for the view with it, not for the endpoint; a plain reload waits for both', async () => {
    const { hub, last } = hubFor([1]);
    let answer: (() => void) | null = null;
    const tabs = new TabViews(hub, (ref, _s, push) => new Promise<void>((resolve) => {
      push(readyView({ record: ref, freshness: { fetchedAt: new Date(0).toISOString(), state: 'revalidating' } }));
      answer = () => (push(readyView({ record: ref })), resolve());
    }));
    const settled = (promise: Promise<void>) => Promise.race([promise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 20))]);
    const first = tabs.setRecord(1, record('1001'), true);
    answer!();
    await first;

    expect(await settled(tabs.reloadUntilShown(1))).toBe(true); // the endpoint has not answered
    expect(last(1)).toMatchObject({ status: 'ready', freshness: { state: 'revalidating' } });
    const reloaded = tabs.reload(1);
    expect(await settled(reloaded)).toBe(false);
    answer!();
    expect(await settled(reloaded)).toBe(true);
    expect(last(1)).toMatchObject({ status: 'ready', freshness: { state: 'fresh' } });
  });

  // A restarted worker knows no tab: a sidebar that connects (or a reload) reads the tab's record
  // from storage.session, and the page's own report can land while that read is out.
  it.each([
    ['a sidebar connecting', (tabs: TabViews) => tabs.current(1)],
    ['a reload', (tabs: TabViews) => tabs.reload(1)],
  ])('%s while the page reports its record keeps the record: the older, empty stored answer does not blank the view', async (_name, ask) => {
    const { hub, seen, last } = hubFor([1]);
    const tabs = new TabViews(hub, async (ref, _s, push) => push(readyView({ record: ref })));
    let answerRead!: () => void;
    // Nothing is stored for a tab opened while the worker was stopped; the answer comes late.
    vi.spyOn(fakeBrowser.storage.session, 'get').mockImplementationOnce(() => new Promise((resolve) => {
      answerRead = () => resolve({});
    }));
    const asked = ask(tabs);
    await tabs.setRecord(1, record('1001'), true);
    expect(last(1)?.status).toBe('ready');
    answerRead();
    await asked;
    expect(last(1)).toMatchObject({ status: 'ready', record: { externalId: '1001' } });
    expect(seen.get(1)!.some((view) => view.status === 'idle')).toBe(false);
  });

  it('a sidebar that connects while the look-up has shown nothing yet is told it is loading, not "no record"', async () => {
    const { hub, seen } = hubFor([1]);
    let answer!: () => void;
    const tabs = new TabViews(hub, (ref, _s, push) => new Promise<void>((resolve) => {
      answer = () => (push(readyView({ record: ref })), resolve());
    }));
    const loading = tabs.setRecord(1, record('1001'), true);
    await tabs.current(1);
    expect(seen.get(1)).toEqual([{ status: 'loading', record: record('1001') }]);
    answer();
    await loading;
    expect(seen.get(1)!.at(-1)?.status).toBe('ready');
  });

  it('a page switching among cached records past the burst: each paints at once; only the revalidations wait, the latest first', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { hub, seen } = hubFor([1]);
    const endpoint: string[] = [];
    const tabs = new TabViews(hub, cachingLoader(new Set(['901', '902', '903', '904', '905', '906']), endpoint), { limiter: new LookupRateLimit(() => Date.now(), 3, 1_000) });
    for (let i = 1; i <= 6; i++) {
      const from = seen.get(1)!.length;
      void tabs.setRecord(1, record(`90${i}`));
      await vi.advanceTimersByTimeAsync(0);
      // The cached context is on screen at once, also past the burst of three.
      expect(seen.get(1)![from]).toMatchObject({ status: 'ready', record: { externalId: `90${i}` }, freshness: { state: 'revalidating' } });
    }
    expect(endpoint).toEqual(['901', '902', '903']); // the rest wait for the budget…
    await vi.advanceTimersByTimeAsync(1_000);
    expect(endpoint).toEqual(['901', '902', '903', '906']); // …and only the record still shown is revalidated
    expect(seen.get(1)!.at(-1)).toMatchObject({ status: 'ready', record: { externalId: '906' }, freshness: { state: 'fresh' } });
  });

  it('a page reporting thousands of distinct records starts no more endpoint look-ups than the budget; the latest is looked up when allowed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { hub, last } = hubFor([1]);
    const endpoint: string[] = [];
    const tabs = new TabViews(hub, cachingLoader(new Set(), endpoint), { limiter: new LookupRateLimit(() => Date.now(), 3, 1_000) });
    // A thousand distinct records in seven seconds, each report its own task as messages are.
    for (let i = 0; i < 999; i++) {
      await vi.advanceTimersByTimeAsync(7);
      void tabs.setRecord(1, record(`r${i}`), i % 2 === 0);
    }
    await vi.advanceTimersByTimeAsync(0);
    expect(endpoint.slice(0, 3)).toEqual(['r0', 'r1', 'r2']);
    expect(endpoint.length).toBeLessThanOrEqual(3 + 7); // the burst, and one per second
    expect(last(1)).toMatchObject({ status: 'loading', record: { externalId: 'r998' } });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(endpoint.at(-1)).toBe('r998');
    expect(last(1)).toMatchObject({ status: 'not-found', record: { externalId: 'r998' } });
  });

  it('a look-up the user asked for (refresh, after a write) spends no token and never waits', async () => {
    const { hub } = hubFor([1]);
    const endpoint: string[] = [];
    const tabs = new TabViews(hub, cachingLoader(new Set(['901']), endpoint), { limiter: new LookupRateLimit(() => Date.now(), 1, 1_000) });
    await tabs.setRecord(1, record('901'));
    for (let i = 0; i < 3; i++) await tabs.reload(1, { force: true });
    expect(endpoint).toEqual(['901', '901', '901', '901']);
  });
});
