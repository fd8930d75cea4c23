import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { SidebarHub } from '@/lib/background/sidebar-hub';
import { acceptLaneOffer, LANE_PAIRING_MS, MAX_WAITING_LANES, SidebarLanes } from '@/lib/background/sidebar-lanes';
import { SIDEBAR_VIEW_MESSAGE } from '@/lib/messaging/protocol';
import type { SidebarView } from '@/lib/messaging/sidebar-view';

const ORIGIN = 'chrome-extension://abcdefghijklmnop';
const nonce = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A runtime port that records what it was sent, and can be disconnected. */
function fakePort() {
  const sent: unknown[] = [];
  const onDisconnect: (() => void)[] = [];
  const port = {
    postMessage: (message: unknown) => sent.push(message),
    onDisconnect: { addListener: (listener: () => void) => onDisconnect.push(listener) },
  } as unknown as Runtime.Port;
  return { port, sent, disconnect: () => onDisconnect.forEach((l) => l()) };
}

/** Real MessageChannels (Node's, whose ports say when they close), closed after each test; `received` collects what reaches the page's end. */
const channels: MessageChannel[] = [];
function pageChannel() {
  const channel = new MessageChannel();
  channels.push(channel);
  const received: unknown[] = [];
  let closed = false;
  channel.port1.on('message', (message: unknown) => received.push(message));
  channel.port1.on('close', () => (closed = true));
  return { lane: channel.port2 as unknown as MessagePort, received, closed: () => closed };
}
afterEach(() => {
  for (const c of channels.splice(0)) c.port1.close();
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('SidebarLanes', () => {
  it('pairs a port and a lane by their nonce, whichever arrives first', () => {
    const attached: [Runtime.Port, MessagePort][] = [];
    const lanes = new SidebarLanes((port, lane) => attached.push([port, lane]));
    const a = fakePort(), b = fakePort();
    const laneA = pageChannel().lane, laneB = pageChannel().lane;
    lanes.portAsked(a.port, nonce(1));
    lanes.laneOffered(nonce(2), laneB);
    expect(attached).toEqual([]);
    lanes.laneOffered(nonce(1), laneA);
    lanes.portAsked(b.port, nonce(2));
    expect(attached).toEqual([[a.port, laneA], [b.port, laneB]]);
  });

  it('never pairs across different nonces, nor twice on one', () => {
    const attached: unknown[] = [];
    const lanes = new SidebarLanes((port, lane) => attached.push([port, lane]));
    const a = fakePort(), b = fakePort();
    lanes.portAsked(a.port, nonce(1));
    lanes.laneOffered(nonce(9), pageChannel().lane);
    expect(attached).toHaveLength(0);
    lanes.laneOffered(nonce(1), pageChannel().lane);
    lanes.portAsked(b.port, nonce(1)); // the nonce was used: b waits for a lane of its own
    expect(attached).toHaveLength(1);
  });

  it('drops halves that waited too long, closing a lane that is dropped', async () => {
    let now = 1_000;
    const attached: unknown[] = [];
    const lanes = new SidebarLanes((port, lane) => attached.push([port, lane]), () => now);
    const page = pageChannel();
    lanes.laneOffered(nonce(1), page.lane);
    lanes.portAsked(fakePort().port, nonce(2));
    now += LANE_PAIRING_MS + 1;
    lanes.portAsked(fakePort().port, nonce(1));
    lanes.laneOffered(nonce(2), pageChannel().lane);
    expect(attached).toHaveLength(0);
    await settle();
    expect(page.closed()).toBe(true);
  });

  it('keeps at most MAX_WAITING_LANES waiting on each side, the oldest going first', async () => {
    const attached: unknown[] = [];
    const lanes = new SidebarLanes((port, lane) => attached.push([port, lane]));
    const first = pageChannel();
    lanes.laneOffered(nonce(0), first.lane);
    for (let i = 1; i <= MAX_WAITING_LANES; i++) lanes.laneOffered(nonce(i), pageChannel().lane);
    lanes.portAsked(fakePort().port, nonce(0));
    expect(attached).toHaveLength(0);
    lanes.portAsked(fakePort().port, nonce(MAX_WAITING_LANES));
    expect(attached).toHaveLength(1);
    await settle();
    expect(first.closed()).toBe(true);
  });
});

describe('acceptLaneOffer', () => {
  const offer = { type: 'sb.lane', nonce: nonce(1) };
  const fromPage = { url: `${ORIGIN}/sidebar.html` };

  it('takes an offer from one of the extension pages', () => {
    const offered: string[] = [];
    const lanes = { laneOffered: (n: string) => offered.push(n) } as unknown as SidebarLanes;
    acceptLaneOffer({ data: offer, ports: [pageChannel().lane], source: fromPage as never }, ORIGIN, lanes);
    expect(offered).toEqual([nonce(1)]);
  });

  it.each([
    ['another origin', { data: offer, source: { url: 'https://app.clio.com/nc/' } }],
    ['an origin that only starts like the extension', { data: offer, source: { url: `${ORIGIN}.evil.test/x` } }],
    ['no source', { data: offer, source: null }],
    ['a malformed nonce', { data: { type: 'sb.lane', nonce: 'x' }, source: fromPage }],
    ['another message', { data: { type: 'bg.view', nonce: nonce(1) }, source: fromPage }],
  ])('refuses %s and closes its port', async (_name, event) => {
    const offered: string[] = [];
    const lanes = { laneOffered: (n: string) => offered.push(n) } as unknown as SidebarLanes;
    const page = pageChannel();
    acceptLaneOffer({ ...event, ports: [page.lane] } as never, ORIGIN, lanes);
    expect(offered).toEqual([]);
    await settle();
    expect(page.closed()).toBe(true);
  });

  it('refuses an offer without a port', () => {
    const offered: string[] = [];
    const lanes = { laneOffered: (n: string) => offered.push(n) } as unknown as SidebarLanes;
    acceptLaneOffer({ data: offer, ports: [], source: fromPage as never }, ORIGIN, lanes);
    expect(offered).toEqual([]);
  });
});

describe('SidebarHub with lanes', () => {
  const view = (externalId: string): SidebarView => ({ status: 'loading', record: { system: 'clio', kind: 'contact', externalId } });

  it('sends views on the port until a lane is attached, then on the lane, numbered in order', async () => {
    const hub = new SidebarHub();
    const { port, sent } = fakePort();
    hub.add(port, { tabId: 7, panelWindowId: null });
    hub.push(7, view('1'));
    const page = pageChannel();
    hub.attachLane(port, page.lane);
    hub.push(7, view('2'));
    hub.push(8, view('other tab'));
    hub.push(7, view('3'));
    await settle();
    expect(sent).toEqual([{ type: SIDEBAR_VIEW_MESSAGE, tabId: 7, view: view('1'), seq: 1 }]);
    expect(page.received).toEqual([
      { type: SIDEBAR_VIEW_MESSAGE, tabId: 7, view: view('2'), seq: 2 },
      { type: SIDEBAR_VIEW_MESSAGE, tabId: 7, view: view('3'), seq: 3 },
    ]);
  });

  it('closes the lane when its port disconnects, and a lane for a port it does not know', async () => {
    const hub = new SidebarHub();
    const a = fakePort();
    hub.add(a.port, { tabId: 7, panelWindowId: null });
    const attachedLane = pageChannel();
    hub.attachLane(a.port, attachedLane.lane);
    const stray = pageChannel();
    hub.attachLane(fakePort().port, stray.lane);
    a.disconnect();
    hub.push(7, view('1'));
    await settle();
    expect(attachedLane.closed()).toBe(true);
    expect(stray.closed()).toBe(true);
    expect(attachedLane.received).toEqual([]);
    expect(hub.tabsShown()).toEqual([]);
  });
});

describe('SidebarHub hears frames on their lanes', () => {
  it('passes what an in-page frame sends on its lane on, with the frame’s tab; a side panel’s lane is not heard', async () => {
    const heard: [number, unknown][] = [];
    const hub = new SidebarHub(undefined, (tabId, message) => heard.push([tabId, message]));
    const frame = fakePort(), panel = fakePort();
    hub.add(frame.port, { tabId: 7, panelWindowId: null });
    hub.add(panel.port, { tabId: 7, panelWindowId: 3 }); // follows the window's active tab
    const frameLane = new MessageChannel(), panelLane = new MessageChannel();
    channels.push(frameLane, panelLane);
    hub.attachLane(frame.port, frameLane.port2 as unknown as MessagePort);
    hub.attachLane(panel.port, panelLane.port2 as unknown as MessagePort);
    frameLane.port1.postMessage({ from: 'frame' });
    panelLane.port1.postMessage({ from: 'panel' });
    await settle();
    expect(heard).toEqual([[7, { from: 'frame' }]]);
  });
});
