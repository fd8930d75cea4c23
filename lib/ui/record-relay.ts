import { ContentLaneHandOver, ContentRecordReport, type FrameRecordReport } from '../messaging/protocol';

/** The content-script ports the frame keeps; a newer hand-over closes the oldest beyond this. */
export const MAX_RELAYED_PORTS = 4;
/**
 * Reports passed on per second, all ports together; the rest are dropped (the runtime message still
 * brings a genuine one). A content script sends two per navigation; a page's own ports could send
 * millions, each one the worker would check and refuse, on the thread that serves every tab.
 */
export const MAX_REPORTS_PER_SECOND = 20;

/**
 * Passes the content script's record reports on to the worker (lib/content/frame-lane.ts,
 * lib/background/record-reports.ts). The frame cannot tell the content script's hand-over from one
 * the host page makes (both come from the parent window), so it judges nothing: it keeps the last
 * few ports and passes on each valid report with the nonce its port came with, and the worker
 * acts only on the nonce the content script gave it. A page that floods the frame with ports or
 * reports of its own can only push the content script's port out or use up the second's allowance:
 * its reports then come the slower way alone.
 * Returns a function that stops the relay.
 */
export function relayRecordReports(win: Window, passOn: (report: FrameRecordReport) => void, now: () => number = () => performance.now()): () => void {
  const ports: MessagePort[] = [];
  let second = -1;
  let passed = 0;
  const onMessage = (event: MessageEvent) => {
    if (event.source !== win.parent || win.parent === win) return;
    const handOver = ContentLaneHandOver.safeParse(event.data);
    const [port] = event.ports;
    if (!port) return;
    if (!handOver.success) return port.close();
    const lane = handOver.data.nonce;
    port.onmessage = (message) => {
      const thisSecond = Math.floor(now() / 1000);
      if (thisSecond !== second) [second, passed] = [thisSecond, 0];
      if (passed >= MAX_REPORTS_PER_SECOND) return;
      const report = ContentRecordReport.safeParse(message.data);
      if (!report.success) return;
      passed++;
      passOn({ type: 'sb.record', lane, n: report.data.n, ref: report.data.ref });
    };
    ports.push(port);
    while (ports.length > MAX_RELAYED_PORTS) ports.shift()?.close();
  };
  win.addEventListener('message', onMessage);
  return () => {
    win.removeEventListener('message', onMessage);
    for (const port of ports.splice(0)) port.close();
  };
}
