import { distribution } from './stats';
import type { BenchEvent } from './plain/bench-host-server';
import { PLAIN } from './plain/plain-session';

type Part = { part: string; ms: number };

/**
 * The content script's synchronous main-thread work per navigation, as the bench build times it
 * with performance.now() around its own top-level work (lib/bench/bench-report.ts): per full page
 * load, `main()` (frame inserted, first messages sent, watcher built) plus the first detection and
 * report once the firm's rules arrive; per hash change, the navigation handler. Counted inside
 * `main`: `mount`, where Chromium creates the sidebar's child frame synchronously in `append()`
 * (`withoutMount` leaves it out: the script's own work). Not counted: the script's parse and
 * compile before `main()`, the later DOM-settle re-checks (a MutationObserver callback and a 40 ms
 * debounce timer) and the browser's later work for the frame (its navigation and layout).
 * Wall-clock times: on a busy machine they include the time the renderer waits for a core.
 */
export function contentScriptMainThread(events: readonly BenchEvent[]) {
  const perPage = new Map<number, number>();
  const mountPerPage = new Map<number, number>();
  const parts = new Map<string, number[]>();
  for (const e of events) {
    if (e.source !== 'content' || !Array.isArray(e.mainThread)) continue;
    const page = e.timeOrigin as number;
    for (const { part, ms } of e.mainThread as Part[]) {
      parts.set(part, [...(parts.get(part) ?? []), ms]);
      if (part === 'main' || part === 'detect') perPage.set(page, (perPage.get(page) ?? 0) + ms);
      if (part === 'mount') mountPerPage.set(page, ms);
    }
  }
  return {
    ...distribution([...perPage.values()]), harness: PLAIN, what: 'page load: main() + first detection',
    withoutMount: distribution([...perPage].map(([page, ms]) => ms - (mountPerPage.get(page) ?? 0))),
    hashChange: distribution(parts.get('navigate') ?? []),
    // Each stretch on its own; `mount` (the sidebar frame inserted) is part of `main`.
    parts: Object.fromEntries([...parts].map(([name, values]) => [name, distribution(values)])),
  };
}
