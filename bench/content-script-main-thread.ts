import { distribution } from './stats';
import type { BenchEvent } from './plain/bench-host-server';
import { PLAIN } from './plain/plain-session';

type Part = { part: string; ms: number };

/**
 * The content script's synchronous main-thread work per navigation, as the bench build times it
 * with performance.now() around its own top-level work (lib/bench/bench-report.ts): per full page
 * load, `main()` (frame inserted, first messages sent, watcher built) plus the first detection and
 * report once the firm's rules arrive; per hash change, the navigation handler. Not counted: the
 * script's parse and compile before `main()`, the later DOM-settle re-checks (a MutationObserver
 * callback and a 40 ms debounce timer) and the browser's own work for the inserted frame.
 */
export function contentScriptMainThread(events: readonly BenchEvent[]) {
  const perPage = new Map<number, number>();
  const parts = new Map<string, number[]>();
  for (const e of events) {
    if (e.source !== 'content' || !Array.isArray(e.mainThread)) continue;
    for (const { part, ms } of e.mainThread as Part[]) {
      parts.set(part, [...(parts.get(part) ?? []), ms]);
      if (part === 'main' || part === 'detect') perPage.set(e.timeOrigin as number, (perPage.get(e.timeOrigin as number) ?? 0) + ms);
    }
  }
  return {
    ...distribution([...perPage.values()]), harness: PLAIN, what: 'page load: main() + first detection',
    hashChange: distribution(parts.get('navigate') ?? []),
    // Each stretch on its own; `mount` (the sidebar frame inserted) is part of `main`.
    parts: Object.fromEntries([...parts].map(([name, values]) => [name, distribution(values)])),
  };
}
