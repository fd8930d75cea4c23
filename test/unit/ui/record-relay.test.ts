import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { FrameRecordReport } from '@/lib/messaging/protocol';
import { MAX_RELAYED_PORTS, MAX_REPORTS_PER_SECOND, relayRecordReports } from '@/lib/ui/record-relay';

// The frame passes the content script's record reports on, each with the nonce its port came with,
// and judges nothing else: only valid hand-overs from the parent window, only valid reports.

const NONCE = '0123456789abcdef0123456789abcdef';
const REF = { system: 'clio', kind: 'contact', externalId: '1004' } as const;

/** The frame's window, with its parent; `deliver` is a window message as the browser dispatches it. */
function frameWindow() {
  const parent = {};
  const listeners = new Set<(event: MessageEvent) => void>();
  const win = {
    parent,
    addEventListener: (_type: string, listener: (event: MessageEvent) => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: (event: MessageEvent) => void) => listeners.delete(listener),
  };
  const deliver = (data: unknown, port?: MessagePort, source: unknown = parent) => {
    for (const listener of listeners) listener({ data, ports: port ? [port] : [], source } as unknown as MessageEvent);
  };
  return { win: win as unknown as Window, deliver, listening: () => listeners.size };
}

const channels: MessageChannel[] = [];
/** A content script's channel: `port` goes to the frame, `send` posts on the script's end. */
function contentChannel() {
  const channel = new MessageChannel();
  channels.push(channel);
  let closed = false;
  channel.port1.on('close', () => (closed = true));
  return { port: channel.port2 as unknown as MessagePort, send: (m: unknown) => channel.port1.postMessage(m), closed: () => closed };
}
afterEach(() => {
  for (const c of channels.splice(0)) c.port1.close();
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('relayRecordReports', () => {
  it('passes each valid report on with the nonce of the port it came on', async () => {
    const passed: FrameRecordReport[] = [];
    const { win, deliver } = frameWindow();
    relayRecordReports(win, (report) => passed.push(report));
    const cs = contentChannel();
    deliver({ type: 'cs.lane', nonce: NONCE }, cs.port);
    cs.send({ type: 'cs.record', n: 2, ref: REF });
    cs.send({ type: 'cs.record', n: 3, ref: null });
    await settle();
    expect(passed).toEqual([
      { type: 'sb.record', lane: NONCE, n: 2, ref: REF },
      { type: 'sb.record', lane: NONCE, n: 3, ref: null },
    ]);
  });

  it('passes nothing malformed on', async () => {
    const passed: unknown[] = [];
    const { win, deliver } = frameWindow();
    relayRecordReports(win, (report) => passed.push(report));
    const cs = contentChannel();
    deliver({ type: 'cs.lane', nonce: NONCE }, cs.port);
    cs.send({ type: 'cs.record', n: 0, ref: REF });
    cs.send({ type: 'cs.record', n: 2, ref: { ...REF, externalId: 'x'.repeat(129) } });
    cs.send({ type: 'cs.record', n: 2, ref: REF, lane: 'f'.repeat(32) }); // no field of its own choosing
    cs.send('<img src=x onerror=alert(1)>');
    await settle();
    expect(passed).toEqual([]);
  });

  it('takes a hand-over only from the parent window, and closes a port that came with anything else', async () => {
    const passed: unknown[] = [];
    const { win, deliver } = frameWindow();
    relayRecordReports(win, (report) => passed.push(report));
    const fromElsewhere = contentChannel();
    deliver({ type: 'cs.lane', nonce: NONCE }, fromElsewhere.port, { other: 'window' });
    fromElsewhere.send({ type: 'cs.record', n: 2, ref: REF });
    const badNonce = contentChannel();
    deliver({ type: 'cs.lane', nonce: 'guess' }, badNonce.port);
    await settle();
    expect(passed).toEqual([]);
    expect(badNonce.closed()).toBe(true);
  });

  it(`keeps the last ${MAX_RELAYED_PORTS} ports a page hands over, closing the oldest`, async () => {
    const passed: FrameRecordReport[] = [];
    const { win, deliver } = frameWindow();
    relayRecordReports(win, (report) => passed.push(report));
    const handed = Array.from({ length: MAX_RELAYED_PORTS + 1 }, () => contentChannel());
    handed.forEach((cs) => deliver({ type: 'cs.lane', nonce: NONCE }, cs.port));
    await settle();
    expect(handed.map((cs) => cs.closed())).toEqual([true, ...Array<boolean>(MAX_RELAYED_PORTS).fill(false)]);
    handed.at(-1)?.send({ type: 'cs.record', n: 9, ref: REF });
    await settle();
    expect(passed.map((r) => r.n)).toEqual([9]);
  });

  it('stops listening and closes its ports when stopped', async () => {
    const { win, deliver, listening } = frameWindow();
    const stop = relayRecordReports(win, () => undefined);
    const cs = contentChannel();
    deliver({ type: 'cs.lane', nonce: NONCE }, cs.port);
    stop();
    await settle();
    expect(listening()).toBe(0);
    expect(cs.closed()).toBe(true);
  });

  it(`passes on at most ${MAX_REPORTS_PER_SECOND} reports a second, however many ports bring them`, async () => {
    let clock = 5_000;
    const passed: number[] = [];
    const { win, deliver } = frameWindow();
    relayRecordReports(win, (report) => passed.push(report.n), () => clock);
    const flood = contentChannel();
    deliver({ type: 'cs.lane', nonce: NONCE }, flood.port);
    for (let n = 1; n <= MAX_REPORTS_PER_SECOND + 5; n++) flood.send({ type: 'cs.record', n, ref: REF });
    await settle();
    expect(passed).toHaveLength(MAX_REPORTS_PER_SECOND);
    const fresh = contentChannel(); // a new port does not bring a new allowance
    deliver({ type: 'cs.lane', nonce: NONCE }, fresh.port);
    fresh.send({ type: 'cs.record', n: 100, ref: REF });
    await settle();
    expect(passed).toHaveLength(MAX_REPORTS_PER_SECOND);
    clock += 1_000;
    fresh.send({ type: 'cs.record', n: 101, ref: REF });
    flood.send({ type: 'cs.record', n: 102, ref: REF });
    await settle();
    expect(passed.slice(MAX_REPORTS_PER_SECOND).sort()).toEqual([101, 102]); // two ports: either may be delivered first
  });
});
