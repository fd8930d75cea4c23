import { distribution } from './stats';
import { pause, PLAIN, type PlainSession, type SessionName } from './plain/plain-session';

/**
 * The host page's load event (loadEventStart after navigation start) with the extension vs without:
 * the same demo Clio page in the same Chromium build, one browser with the bench build signed in
 * and the record cached, one without any extension, interleaved run by run (the order flips every
 * run). Each load in a fresh tab; with the extension, the next run waits for the sidebar's paint.
 * `contactId` null: the contacts list, a page of the CRM that shows no record (no paint to wait for).
 * `extension` 'side-panel': the browser whose extension has the side panel as the placement (no
 * frame in the page, no paint to wait for).
 */
export async function measureHostPageLoad(session: PlainSession, runs: number, contactId: number | null = 1001, extension: 'with' | 'side-panel' = 'with') {
  const times: Record<SessionName, number[]> = { with: [], without: [], 'side-panel': [] };
  for (let i = 0; i < runs; i++) {
    const order: SessionName[] = i % 2 === 0 ? [extension, 'without'] : ['without', extension];
    for (const name of order) {
      const { load, from } = await session.openFresh(name, contactId);
      times[name].push(load.loadEventStart);
      if (name === 'with' && contactId !== null) await session.readyAfter(from, load.timeOrigin);
      // No paint to wait for: the content script's timings go 500 ms after its work, before the tab closes.
      await pause(name === 'side-panel' ? 800 : 300);
    }
  }
  const withExtension = distribution(times[extension]);
  const withoutExtension = distribution(times.without);
  return { withExtension, withoutExtension, ratio: withExtension.p50 / withoutExtension.p50, harness: PLAIN };
}
