import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_MATCHES, detectRecord, type GenericRule, type RecordRef } from '@/lib/adapters';
import { afterLoadWhenIdle } from '@/lib/content/after-load';
import { extensionDocumentOrigin, FrameLane } from '@/lib/content/frame-lane';
import { SidebarFrame } from '@/lib/content/sidebar-frame';
import { RecordWatcher } from '@/lib/content/record-watcher';
import { sendWhenReady } from '@/lib/content/send-when-ready';
import { collapsedFromAnswer, rulesFromAnswer } from '@/lib/content/rules-answer';
import { mainThreadEnd, mainThreadStart } from '@/lib/bench/bench-report';
import { isBackgroundToContent, isFrameShownQuery, isOwnLocationChange, isPlacementChange, isTrustedRestore } from '@/lib/messaging/content-guard';
import { isSidePanelFlagged } from '@/lib/settings/sidebar-placement';

// Runs inside every CRM page the lawyer opens, so it only detects, positions and reports: no React,
// no zod, no client data. The sidebar frame gets its data from the background, never from here.
// Never in the manifest, so that with the side panel as the placement nothing of ours runs while a
// CRM page loads. With the frame, the background registers it at document_end for the built-in
// systems' hosts (lib/background/placement-registration.ts) and the firm's rules' hosts
// (lib/background/content-script-registration.ts); with the side panel, it injects it once each
// page has loaded (lib/background/after-load-injection.ts).
export default defineContentScript({
  registration: 'runtime',
  matches: CONTENT_SCRIPT_MATCHES,
  runAt: 'document_end',
  // WXT's old "script started" window.postMessage reaches every `message` listener of the page
  // (and names the extension); its CustomEvent on the content script's side is enough.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Bench builds only ('' elsewhere: dropped): the script's synchronous work per navigation, timed.
    if (import.meta.env.LENS_BENCH_REPORT_URL) mainThreadStart('main');
    // Always a promise: Chromium's own sendMessage throws, rather than rejects, once the extension
    // has been reloaded under this page (the polyfill used to turn that into a rejection).
    const send = async (message: object): Promise<unknown> => browser.runtime.sendMessage(message);
    // With the side panel as the sidebar's placement, nothing is ever inserted into the page: the
    // flag the background sets right before injecting this script says so (after-load-injection.ts).
    let sidePanelOnly = isSidePanelFlagged();
    // The frame and the lane to it are made only for the frame placement (making them was about
    // half of main()'s work with the side panel, for a frame never inserted): with the side panel,
    // only if the placement changes to the frame while the page is open.
    let sidebar: SidebarParts | null = null;
    const frameParts = () => (sidebar ??= makeSidebarParts());
    if (!sidePanelOnly) frameParts();
    // A page that shows a record (by the built-in plug-ins) starts loading the frame at once, while
    // the rules come: it is the slow part of the first paint. Any other page of the CRM loads it once
    // its own load is over and the main thread is idle: an iframe holds up its parent's load event,
    // and the lawyer opened that page for something else (the frame is then ready for an in-page
    // switch to a record; a report of one mounts it sooner).
    // (The bench names the stretch 'noFrame' when the placement leaves the page alone.)
    const mountPart = sidePanelOnly ? 'noFrame' : 'mount';
    if (import.meta.env.LENS_BENCH_REPORT_URL) mainThreadStart(mountPart);
    if (!sidePanelOnly && detectRecord(location.href, document) !== null) frameParts().frame.mount();
    else {
      afterLoadWhenIdle(ctx, () => {
        if (sidePanelOnly) return;
        if (import.meta.env.LENS_BENCH_REPORT_URL) mainThreadStart('idleMount');
        frameParts().frame.ensureMounted();
        if (import.meta.env.LENS_BENCH_REPORT_URL) mainThreadEnd('idleMount');
      });
    }
    if (import.meta.env.LENS_BENCH_REPORT_URL) mainThreadEnd(mountPart);
    // The firm's rules and the collapsed systems come from the background (validated there with
    // zod, here with a small guard).
    const rulesReady = sendWhenReady(() => send({ type: 'cs.getRules' })).catch(() => null);

    let system: string | null = null;
    let pageLoad = true;
    let reports = 0;
    let collapsedSystems: string[] = [];
    let shown: RecordRef | null = null;
    /** Frames the record the page shows now, or hides the frame; with the side panel as placement, nothing. */
    const layOut = () => {
      if (sidePanelOnly) return;
      const { frame } = frameParts();
      if (shown) frame.ensureMounted();
      // Width first, then shown: the frame and the page's margin are laid out once, at the width kept.
      if (shown && shown.system !== system) {
        system = shown.system;
        frame.setCollapsed(collapsedSystems.includes(shown.system));
      }
      frame.show(shown !== null);
    };
    const report = (ref: RecordRef | null) => {
      shown = ref;
      const current = ++reports;
      // A page's first report is a page load's, which the worker takes from the runtime message.
      if (!pageLoad) sidebar?.lane.send(current, ref);
      layOut();
      const message = { type: 'cs.recordChanged', ref, pageLoad, lane: sidebar?.lane.nonce, n: current };
      void sendWhenReady(() => send(message), () => current === reports).catch(() => undefined);
      pageLoad = false;
    };

    let rules: GenericRule[] = [];
    const watcher = new RecordWatcher((url) => detectRecord(url, document, rules), report);
    // Detect once the rules are known: reporting "no record" first would flash the idle state.
    void rulesReady.then((answer) => {
      if (ctx.isInvalid) return;
      if (import.meta.env.LENS_BENCH_REPORT_URL) mainThreadStart('detect');
      rules = rulesFromAnswer(answer);
      collapsedSystems = collapsedFromAnswer(answer);
      watcher.start();
      ctx.addEventListener(window, 'wxt:locationchange', (event) => {
        if (import.meta.env.LENS_BENCH_REPORT_URL) mainThreadStart('navigate');
        // WXT's own event carries a URL object made in this world; one the page dispatched does not.
        if (isOwnLocationChange(event)) watcher.navigate(event.newUrl.href);
        if (import.meta.env.LENS_BENCH_REPORT_URL) mainThreadEnd('navigate');
      });
      if (import.meta.env.LENS_BENCH_REPORT_URL) mainThreadEnd('detect');
    });

    // The page is going away (to another record, or to a site with no record): until the next page
    // reports, the tab shows no client, so a side panel never keeps one beside an unrelated site.
    // Only the browser's own events count: the page can dispatch a `pageshow` of its own to force a
    // fresh look-up each time (isTrusted is false for those, and the page cannot forge it).
    ctx.addEventListener(window, 'pagehide', (event) => {
      if (!event.isTrusted) return;
      void send({ type: 'cs.recordChanged', ref: null, pageLoad: false }).catch(() => undefined);
    });
    ctx.addEventListener(window, 'pageshow', (event) => {
      if (!isTrustedRestore(event)) return;
      pageLoad = true;
      watcher.resume();
    });

    // Answered through sendResponse: without the polyfill (wxt.config.ts), Chromium does not take
    // a promise returned by the listener as the answer.
    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
      // Replaced by a newer copy (or the extension reloaded): that one answers, not this one.
      if (ctx.isInvalid) return;
      if (isBackgroundToContent(message)) sidebar?.frame.setCollapsed(message.collapsed);
      // The placement changed (options page, policy): the frame goes, or comes back beside the record.
      if (isPlacementChange(message) && message.sidePanelOnly !== sidePanelOnly) {
        sidePanelOnly = message.sidePanelOnly;
        system = null; // a frame put back is laid out afresh, at its system's kept width
        if (sidePanelOnly) sidebar?.frame.remove();
        else layOut();
      }
      if (isFrameShownQuery(message)) sendResponse(sidebar?.frame.shownPlainly() ?? false);
    });
    ctx.onInvalidated(() => {
      watcher.stop();
      sidebar?.frame.remove();
    });
    if (import.meta.env.LENS_BENCH_REPORT_URL) mainThreadEnd('main');
  },
});

/** The sidebar frame (hidden until a record is shown) and the content script's lane to it. */
interface SidebarParts {
  frame: SidebarFrame;
  lane: FrameLane;
}

function makeSidebarParts(): SidebarParts {
  const frameUrl = browser.runtime.getURL('/sidebar.html');
  const frame = new SidebarFrame(frameUrl);
  // Record reports reach the frame directly too, and through it the worker sooner (FrameLane).
  const lane = new FrameLane(extensionDocumentOrigin(frameUrl, browser.runtime.id));
  frame.onLoad((frameWindow) => lane.handTo(frameWindow));
  return { frame, lane };
}
