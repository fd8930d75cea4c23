/**
 * Which of a tab's record reports to act on. The content script sends each report twice: to the
 * worker as a runtime message (the browser vouches for its tab), and to the sidebar frame on a
 * MessagePort of its own, which the frame passes on by its lane. The second way runs renderer to
 * renderer: during a record switch the browser process, which carries runtime messages, is busy
 * with the host page's own navigation for several milliseconds (a Chromium trace of the switch).
 *
 * The first of the two to arrive is acted on and the other dropped by its number. A report by the
 * frame counts only with the nonce the tab's content script gave the worker itself: the host page
 * cannot learn it (it lives in the content script's isolated world, and the port's messages reach
 * only the extension's frame), so a page can at most make the frame pass on reports that are
 * refused here. The frame's way carries nothing the runtime message does not.
 */
export class RecordReports {
  private readonly tabs = new Map<number, { lane: string; n: number }>();

  /** A report from the content script itself. Whether to act on it. */
  fromContent(tabId: number, lane: string | undefined, n: number | undefined): boolean {
    // The page's "gone" on pagehide carries neither, nor does a script of an older version.
    if (lane === undefined || n === undefined) return true;
    const last = this.tabs.get(tabId);
    if (last?.lane === lane && n <= last.n) return false; // the frame brought it first
    // Another nonce is another page in the tab (or a worker that restarted since): start again.
    this.tabs.set(tabId, { lane, n });
    return true;
  }

  /** The same report, passed on by the frame in that tab. Whether to act on it. */
  fromFrame(tabId: number, lane: string, n: number): boolean {
    const last = this.tabs.get(tabId);
    if (last?.lane !== lane || n <= last.n) return false;
    last.n = n;
    return true;
  }

  forget(tabId: number): void {
    this.tabs.delete(tabId);
  }
}
