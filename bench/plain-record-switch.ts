import { distribution, percentileInterval } from './stats';
import { LOOKUPS_PER_TAB } from './paint-timings';
import { pause, PLAIN, type PlainSession } from './plain/plain-session';

/**
 * Record switch in a single-page app, plain-Chromium harness: the host page changes its hash from
 * one cached client's record to the other's (1001 ↔ 1004) and reports when it did; the sidebar
 * reports its next `lens:ready` mark for the other client. A fresh tab every LOOKUPS_PER_TAB look-ups.
 */
export async function measurePlainRecordSwitch(session: PlainSession, runs: number) {
  const switches: number[] = [];
  // The same switch until the browser's rendering step after React's commit is done (lens:rendered).
  const rendered: number[] = [];
  const untilViewReachesFrame: number[] = [];
  // From the view's arrival in the frame to its paint: the frame's own work (parse and render),
  // apart for the first switch in a fresh tab, when the frame's code and the other client's parts
  // of the page are rendered for the first time.
  const viewToPaintFirstInTab: number[] = [];
  const viewToPaintLater: number[] = [];
  // From the view's arrival in the frame to its acceptance: the frame's zod check of it.
  const viewCheck: number[] = [];
  let shown: string | null = null;
  let used = LOOKUPS_PER_TAB;
  for (let i = 0; i < runs; i++) {
    const to = i % 2 === 0 ? 1004 : 1001;
    if (used >= LOOKUPS_PER_TAB) {
      const { load, from } = await session.openFresh('with', to === 1004 ? 1001 : 1004);
      shown = (await session.readyAfter(from, load.timeOrigin)).detail.clientId;
      used = 1;
    }
    const firstInTab = used === 1;
    await pause(400); // the previous record's revalidation settles
    const { at, from } = await session.changeHash('with', to);
    const ready = await session.readyAfter(from, at, shown);
    used++;
    switches.push(ready.at - at);
    const renderedAt = await session.renderedAfter(from, ready);
    if (renderedAt !== null) rendered.push(renderedAt - at);
    /** The sidebar's last `name` mark between two times of this switch (epoch ms). */
    const lastMark = (name: string, after: number, until: number) => session.host.events.slice(from)
      .filter((e) => e.source === 'sidebar' && e.mark === name && (e.at as number) >= after && (e.at as number) <= until).at(-1)?.at as number | undefined;
    const received = lastMark('lens:view-received', at, ready.at);
    if (received !== undefined) {
      const arrived = lastMark('lens:view-arrived', at, received);
      if (arrived !== undefined) viewCheck.push(received - arrived);
      untilViewReachesFrame.push(received - at);
      (firstInTab ? viewToPaintFirstInTab : viewToPaintLater).push(ready.at - received);
    }
    shown = ready.detail.clientId;
  }
  return {
    ...distribution(switches), harness: PLAIN,
    // How far the p95 could move with another draw of as many switches; every switch, in run order.
    p95Interval: percentileInterval(switches, 95), everyMs: switches.map((ms) => Math.round(ms * 10) / 10),
    rendered: distribution(rendered), untilViewReachesFrame: distribution(untilViewReachesFrame),
    viewCheck: distribution(viewCheck), viewToPaint: { firstInTab: distribution(viewToPaintFirstInTab), later: distribution(viewToPaintLater) },
  };
}
