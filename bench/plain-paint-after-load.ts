import { distribution, percentileInterval } from './stats';
import { pause, PLAIN, type PlainSession } from './plain/plain-session';

/**
 * Cached context after a full page load, plain-Chromium harness: each run opens record 1001 in a
 * fresh tab; the host page reports its load event, the sidebar its first `lens:ready` mark after
 * the page's navigation start (both epoch-based high-resolution times of one browser). `rendered`:
 * the same from its `lens:rendered` mark, once the browser's rendering step after it is done.
 */
export async function measurePlainPaintAfterLoad(session: PlainSession, runs: number) {
  const afterLoad: number[] = [];
  const afterNavigationStart: number[] = [];
  const renderedAfterLoad: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { load, from } = await session.openFresh('with', 1001);
    const ready = await session.readyAfter(from, load.timeOrigin);
    afterLoad.push(ready.at - (load.timeOrigin + load.loadEventEnd));
    afterNavigationStart.push(ready.at - load.timeOrigin);
    const rendered = await session.renderedAfter(from, ready);
    if (rendered !== null) renderedAfterLoad.push(rendered - (load.timeOrigin + load.loadEventEnd));
    await pause(300); // the revalidation of the record settles before the next load
  }
  return { ...distribution(afterLoad), p95Interval: percentileInterval(afterLoad, 95), harness: PLAIN, afterNavigationStart: distribution(afterNavigationStart),
    rendered: distribution(renderedAfterLoad) };
}
