/**
 * Bench builds only (`LENS_BENCH_REPORT_URL=… wxt build`, see bench/plain/build-bench-extension.ts):
 * the extension reports its own timings to the bench's loopback collector, so the plain-Chromium
 * harness needs no DevTools. Every call site sits behind `if (import.meta.env.LENS_BENCH_REPORT_URL)`,
 * which normal and release builds define as '' so the bundler drops the call and this module.
 */
export type BenchSource = 'sidebar' | 'content';

/** A beacon: no answer awaited, plain text (no CORS preflight), sent after the page's own work. */
export function benchReport(source: BenchSource, event: Record<string, unknown>): void {
  navigator.sendBeacon(import.meta.env.LENS_BENCH_REPORT_URL, JSON.stringify({ source, ...event }));
}

/** Forwards each of the named performance marks with its epoch time (ms) and detail as it is made. */
export function reportMarks(source: BenchSource, names: readonly string[]): void {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!names.includes(entry.name)) continue;
      benchReport(source, { mark: entry.name, at: performance.timeOrigin + entry.startTime, detail: (entry as PerformanceMark).detail ?? null });
    }
  }).observe({ type: 'mark', buffered: true });
}

const started = new Map<string, number>();
let pending: Record<string, unknown>[] = [];

/** Start of a stretch of the content script's synchronous main-thread work. */
export function mainThreadStart(part: string): void {
  started.set(part, performance.now());
}

/**
 * End of that stretch: its duration is sent a little later, in one beacon with the others of the
 * navigation, so the report itself does not land inside the page's load.
 */
export function mainThreadEnd(part: string): void {
  const start = started.get(part);
  if (start === undefined) return;
  if (pending.length === 0) setTimeout(flushMainThread, 500);
  pending.push({ part, ms: performance.now() - start, at: performance.timeOrigin + start });
}

function flushMainThread(): void {
  benchReport('content', { mainThread: pending, timeOrigin: performance.timeOrigin, href: location.href });
  pending = [];
}
