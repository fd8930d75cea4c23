import type { RecordRef } from '../adapters';

/** How long to wait for a single-page app to render a record after its URL changed. */
const SETTLE_TIMEOUT_MS = 4_000;
const DEBOUNCE_MS = 40;

/** Detection for a URL against the current document. */
type Detect = (url: string) => RecordRef | null;

/**
 * Re-detects the record on each navigation. Each navigation gets its own AbortController and
 * aborts the previous one's wait, so a slow render of the previous record never reports over the
 * next. A single-page app often changes the URL before it renders the record, so while the record
 * (or its label) is not there yet the watcher waits for DOM changes, up to a time-out, without
 * polling.
 */
export class RecordWatcher {
  private current: AbortController | null = null;
  private reported: string | undefined;

  constructor(
    private readonly detect: Detect,
    private readonly report: (ref: RecordRef | null) => void,
    private readonly doc: Document = document,
    private readonly currentUrl: () => string = () => location.href,
  ) {}

  /** The page has loaded: what it shows is its own. */
  start(): void {
    this.watch(false);
  }

  /**
   * The URL changed inside the page (hash, pushState, popstate). Call it from the navigation event
   * with the destination URL: the event fires before the new URL is in `location`, and while the DOM
   * still shows the previous record. So the record is reported at once from the destination URL,
   * without a label (the page's is still the previous record's), and the label follows when the DOM
   * changes: the sidebar starts its look-up without waiting for the app to render.
   */
  navigate(destinationUrl?: string): void {
    this.watch(true, destinationUrl);
  }

  /** The page came back from the back/forward cache (it said "gone" on pagehide): report it again. */
  resume(): void {
    this.reported = undefined;
    this.watch(false);
  }

  stop(): void {
    this.current?.abort();
  }

  private watch(inPage: boolean, destinationUrl?: string): void {
    this.current?.abort();
    this.current = null;
    // A loaded page usually shows its record and label already: then no observer, no timers. Nor
    // for a loaded page whose URL names no record (a list, a search): every plug-in and rule finds
    // a record by its URL first, so no DOM change can make one, and observing every mutation of a
    // page that is still building itself costs it its load (a URL change is a navigation: navigate()).
    if (!inPage && this.emitTrusted(this.currentUrl(), true) !== 'unlabelled') return;
    const view = new AbortController();
    this.current = view;
    const { signal } = view;
    // After an in-page navigation, a label read before the DOM changed is the previous record's.
    let rendered = !inPage;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      rendered = true;
      clearTimeout(timer);
      timer = setTimeout(() => check(), DEBOUNCE_MS);
    });
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(giveUp);
    };
    const check = (url = this.currentUrl()) => {
      if (signal.aborted) return done();
      if (this.emitTrusted(url, rendered) === 'labelled') done();
    };
    const giveUp = setTimeout(done, SETTLE_TIMEOUT_MS);
    signal.addEventListener('abort', done, { once: true });
    observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
    if (inPage) check(destinationUrl);
  }

  /** Detects and reports (a label only once the DOM has changed); what it found: a record with its label, one without, none. */
  private emitTrusted(url: string, rendered: boolean): 'labelled' | 'unlabelled' | 'none' {
    const ref = this.safeDetect(url);
    const trusted = ref && !rendered ? withoutLabel(ref) : ref;
    this.emit(trusted);
    return trusted === null ? 'none' : trusted.label ? 'labelled' : 'unlabelled';
  }

  private emit(ref: RecordRef | null): void {
    const key = JSON.stringify(ref);
    if (key === this.reported) return;
    this.reported = key;
    this.report(ref);
  }

  private safeDetect(url: string): RecordRef | null {
    try {
      return this.detect(url);
    } catch {
      return null; // a plug-in bug must not break the host page
    }
  }
}

function withoutLabel(ref: RecordRef): RecordRef {
  const { label: _label, ...rest } = ref;
  return rest;
}
