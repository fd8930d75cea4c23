import { distribution } from './stats';
import { pause, PLAIN, type PlainSession } from './plain/plain-session';

/**
 * Cached context after a full page load, plain-Chromium harness: each run opens record 1001 in a
 * fresh tab; the host page reports its load event, the sidebar its first `lens:ready` mark after
 * the page's navigation start (both epoch-based high-resolution times of one browser).
 */
export async function measurePlainPaintAfterLoad(session: PlainSession, runs: number) {
  const afterLoad: number[] = [];
  const afterNavigationStart: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { load, from } = await session.openFresh('with', 1001);
    const ready = await session.readyAfter(from, load.timeOrigin);
    afterLoad.push(ready.at - (load.timeOrigin + load.loadEventEnd));
    afterNavigationStart.push(ready.at - load.timeOrigin);
    await pause(300); // the revalidation of the record settles before the next load
  }
  return { ...distribution(afterLoad), harness: PLAIN, afterNavigationStart: distribution(afterNavigationStart) };
}
