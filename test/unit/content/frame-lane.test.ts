import { describe, expect, it } from 'vitest';
import { extensionDocumentOrigin, FrameLane } from '@/lib/content/frame-lane';
import { ContentLaneHandOver, LaneNonce } from '@/lib/messaging/protocol';

// The content script hands each load of the frame a port of its own, to the extension's origin
// only, with a nonce the worker also gets; reports go on the newest port.

const ORIGIN = 'chrome-extension://abcdefghijklmnop';
const REF = { system: 'clio', kind: 'contact', externalId: '1004' } as const;

/** The frame's window as the content script sees it: what it was posted, to which origin. */
function frameWindow() {
  const posted: { data: unknown; origin: string; port: MessagePort }[] = [];
  const win = {
    postMessage: (data: unknown, origin: string, transfer: MessagePort[]) => posted.push({ data, origin, port: transfer[0] ?? expect.fail('no port') }),
  };
  return { win: win as unknown as Window, posted };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('FrameLane', () => {
  it('hands the frame a port with its nonce, to the extension’s origin only, and sends reports on it', async () => {
    const lane = new FrameLane(ORIGIN);
    expect(LaneNonce.safeParse(lane.nonce).success).toBe(true);
    expect(new FrameLane(ORIGIN).nonce).not.toBe(lane.nonce);
    lane.send(1, REF); // no frame yet: nothing to send on, and nothing thrown
    const { win, posted } = frameWindow();
    lane.handTo(win);
    expect(posted).toHaveLength(1);
    const [handOver] = posted;
    expect(handOver?.origin).toBe(ORIGIN);
    expect(ContentLaneHandOver.parse(handOver?.data)).toEqual({ type: 'cs.lane', nonce: lane.nonce });
    const received: unknown[] = [];
    handOver!.port.onmessage = (event) => received.push(event.data);
    lane.send(2, REF);
    lane.send(3, null);
    await settle();
    expect(received).toEqual([{ type: 'cs.record', n: 2, ref: REF }, { type: 'cs.record', n: 3, ref: null }]);
    handOver!.port.close();
  });

  it('gives a reloaded frame a fresh port and stops using the old one', async () => {
    const lane = new FrameLane(ORIGIN);
    const { win, posted } = frameWindow();
    lane.handTo(win);
    lane.handTo(win);
    const [first, second] = posted.map((p) => {
      const received: unknown[] = [];
      p.port.onmessage = (event) => received.push(event.data);
      return received;
    });
    lane.send(5, REF);
    lane.handTo(null); // the frame's window is gone: nothing to hand over, nothing sent
    lane.send(6, REF);
    await settle();
    expect(first).toEqual([]);
    expect(second).toEqual([{ type: 'cs.record', n: 5, ref: REF }]);
    posted.forEach((p) => p.port.close());
  });

  it('posts to the origin the extension’s documents have, not Chromium’s per-session alias of its URL', () => {
    expect(extensionDocumentOrigin('chrome-extension://87bb695a-44ff-4361-9ae4-3e35cd5b3edb/sidebar.html', 'cofbkdcedjcnddnoeogamghnnjfbenmn'))
      .toBe('chrome-extension://cofbkdcedjcnddnoeogamghnnjfbenmn');
    expect(extensionDocumentOrigin('moz-extension://2b1c7f0e-0d7c-4f5e-9a51-1c3f7d1b9e2a/sidebar.html', 'lens@firm.example'))
      .toBe('moz-extension://2b1c7f0e-0d7c-4f5e-9a51-1c3f7d1b9e2a');
  });
});
