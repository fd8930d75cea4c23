import type { RecordRef } from '../adapters';

/** How long to wait for a single-page app to render a record after its URL changed. */
const SETTLE_TIMEOUT_MS = 4_000;
const DEBOUNCE_MS = 40;

type Detect = () => RecordRef | null;

/**
 * Re-detects the record on each navigation. A single-page app often changes the URL before it renders
 * the record, so when the record (or its label) is not there yet the watcher waits for DOM changes,
 * up to a time-out, without polling. Each navigation aborts the previous wait.
 */
export class RecordWatcher {
  private current: AbortController | null = null;
  private reported: string | undefined;

  constructor(private readonly detect: Detect, private readonly report: (ref: RecordRef | null) => void, private readonly doc: Document = document) {}

  /** Call on start and on every location change. */
  navigate(): void {
    this.current?.abort();
    const view = new AbortController();
    this.current = view;
    const first = this.safeDetect();
    this.emit(first);
    if (first?.label) return;
    this.waitForRender(view.signal, first);
  }

  stop(): void {
    this.current?.abort();
  }

  private waitForRender(signal: AbortSignal, initial: RecordRef | null): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(check, DEBOUNCE_MS);
    });
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(giveUp);
    };
    const check = () => {
      if (signal.aborted) return done();
      const ref = this.safeDetect();
      if (ref && (ref.label || !initial)) {
        this.emit(ref);
        if (ref.label) done();
      }
    };
    const giveUp = setTimeout(done, SETTLE_TIMEOUT_MS);
    signal.addEventListener('abort', done, { once: true });
    observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  private emit(ref: RecordRef | null): void {
    const key = JSON.stringify(ref);
    if (key === this.reported) return;
    this.reported = key;
    this.report(ref);
  }

  private safeDetect(): RecordRef | null {
    try {
      return this.detect();
    } catch {
      return null; // a plug-in bug must not break the host page
    }
  }
}
