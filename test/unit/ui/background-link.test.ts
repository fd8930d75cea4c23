import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { BackgroundLink } from '@/lib/ui/background-link';
import { SIDEBAR_PORT, SIDEBAR_VIEW_MESSAGE } from '@/lib/messaging/protocol';
import type { SidebarView } from '@/lib/messaging/sidebar-view';

// The sidebar takes views from its port and, once the worker paired it, from its lane; a view that
// a newer one overtook on the other channel is never shown over it.

const view = (externalId: string): SidebarView => ({ status: 'loading', record: { system: 'clio', kind: 'contact', externalId } });
const message = (seq: number, externalId: string) => ({ type: SIDEBAR_VIEW_MESSAGE, tabId: 3, view: view(externalId), seq });

/** A runtime port whose messages the test delivers. */
function fakePort() {
  const listeners: ((m: unknown) => void)[] = [];
  const disconnects: (() => void)[] = [];
  const posted: unknown[] = [];
  return {
    port: {
      postMessage: (m: unknown) => posted.push(m),
      onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l) },
      onDisconnect: { addListener: (l: () => void) => disconnects.push(l) },
    },
    posted,
    deliver: (m: unknown) => listeners.forEach((l) => l(m)),
    disconnect: () => disconnects.forEach((l) => l()),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('BackgroundLink', () => {
  let ports: ReturnType<typeof fakePort>[];
  let offered: { data: unknown; lane: MessagePort }[];
  const port = (i: number) => ports[i] ?? expect.fail(`no port ${i}`);
  const offer = (i: number) => offered[i] ?? expect.fail(`no lane offer ${i}`);

  beforeEach(() => {
    fakeBrowser.reset();
    ports = [];
    offered = [];
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation((() => {
      const port = fakePort();
      ports.push(port);
      return port.port;
    }) as never);
    // The worker, as the page's service-worker container reaches it.
    const active = { postMessage: (data: unknown, transfer: MessagePort[]) => offered.push({ data, lane: transfer[0] ?? expect.fail('no port transferred') }) };
    vi.stubGlobal('navigator', { serviceWorker: { ready: Promise.resolve({ active }) } });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    for (const o of offered) o.lane.close();
  });

  it('offers the worker a lane with the nonce it sends on its port, and shows what comes on either', async () => {
    const shown: SidebarView[] = [];
    const link = new BackgroundLink('frame', (v) => shown.push(v), () => undefined);
    await link.open();
    await settle();
    expect(fakeBrowser.runtime.connect).toHaveBeenCalledWith({ name: SIDEBAR_PORT });
    const { data, lane } = offer(0);
    expect(data).toMatchObject({ type: 'sb.lane', nonce: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(port(0).posted).toEqual([data]);

    port(0).deliver(message(1, 'on the port'));
    lane.postMessage(message(2, 'on the lane'));
    await settle();
    expect(shown.map((v) => 'record' in v && v.record.externalId)).toEqual(['on the port', 'on the lane']);
  });

  it('drops a view that arrives after a newer one, whichever channel brought it', async () => {
    const shown: SidebarView[] = [];
    const link = new BackgroundLink('frame', (v) => shown.push(v), () => undefined);
    await link.open();
    await settle();
    offer(0).lane.postMessage(message(5, 'newer, on the lane'));
    await settle();
    port(0).deliver(message(4, 'older, late on the port'));
    port(0).deliver(message(5, 'the same one again'));
    port(0).deliver(message(6, 'newest'));
    expect(shown.map((v) => 'record' in v && v.record.externalId)).toEqual(['newer, on the lane', 'newest']);
  });

  it('numbers afresh when it reconnects to a restarted worker, and closes the old lane', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const shown: SidebarView[] = [];
    const link = new BackgroundLink('frame', (v) => shown.push(v), () => undefined);
    await link.open();
    port(0).deliver(message(40, 'before the restart'));
    port(0).disconnect();
    await vi.advanceTimersByTimeAsync(60);
    vi.useRealTimers();
    await settle();
    expect(ports).toHaveLength(2);
    expect(offered).toHaveLength(2);
    port(1).deliver(message(1, 'after the restart'));
    offer(0).lane.postMessage(message(41, 'on the old lane'));
    await settle();
    expect(shown.map((v) => 'record' in v && v.record.externalId)).toEqual(['before the restart', 'after the restart']);
  });

  it('still validates every view, on the lane too', async () => {
    const shown: SidebarView[] = [];
    const refused: string[] = [];
    const link = new BackgroundLink('frame', (v) => shown.push(v), (m) => refused.push(m));
    await link.open();
    await settle();
    offer(0).lane.postMessage({ type: SIDEBAR_VIEW_MESSAGE, tabId: 3, view: { status: 'ready', context: '<img src=x onerror=alert(1)>' }, seq: 1 });
    await settle();
    expect(shown).toEqual([]);
    expect(refused).toHaveLength(1);
  });

  it('passes record reports on to the worker on the lane, never on the port (that waits on the browser process)', async () => {
    const link = new BackgroundLink('frame', () => undefined, () => undefined);
    const report = { type: 'sb.record', lane: '0123456789abcdef0123456789abcdef', n: 2, ref: { system: 'clio', kind: 'contact', externalId: '1004' } } as const;
    link.passOn(report); // before the port opened: no lane yet, nothing sent
    await link.open();
    await settle();
    const atWorker: unknown[] = [];
    offer(0).lane.onmessage = (event) => atWorker.push(event.data);
    link.passOn(report);
    await settle();
    expect(atWorker).toEqual([report]);
    expect(port(0).posted).toEqual([offer(0).data]); // the lane offer alone
  });
});
