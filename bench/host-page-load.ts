import { distribution, ratioOfMediansInterval } from './stats';
import { pause, PLAIN, type PlainSession, type SessionName } from './plain/plain-session';

/** A browser of the harness that runs an extension: ours (frame or side panel) or the floor's. */
type ExtensionSession = Exclude<SessionName, 'without'>;

/**
 * The host page's load event (loadEventStart after navigation start) in browsers with an extension
 * and in the same Chromium build without any, the same demo Clio page, interleaved run by run (the
 * order rotates every run, so each browser loads first, second… equally often). Each load in a fresh
 * tab; in 'with' (the frame), the next load waits for the sidebar's paint. `contactId` null: the
 * contacts list, a page of the CRM that shows no record (no paint to wait for). 'side-panel': our
 * extension with the side panel as the placement (no frame in the page); 'floor': an extension of
 * one empty content script, the least any content script costs, measured in the same loop so that
 * the ratios compare.
 */
export async function measureHostPageLoads(session: PlainSession, runs: number, contactId: number | null, extensions: readonly ExtensionSession[]) {
  const sessions: SessionName[] = ['without', ...extensions];
  const times = new Map<SessionName, number[]>(sessions.map((name) => [name, []]));
  for (let i = 0; i < runs; i++) {
    const order = sessions.map((_, k) => sessions[(i + k) % sessions.length]!);
    for (const name of order) {
      const { load, from } = await session.openFresh(name, contactId);
      times.get(name)!.push(load.loadEventStart);
      if (name === 'with' && contactId !== null) await session.readyAfter(from, load.timeOrigin);
      // No paint to wait for: the content script's timings go 500 ms after its work, before the tab closes.
      await pause(name === 'side-panel' ? 800 : 300);
    }
  }
  const withoutExtension = distribution(times.get('without')!);
  const each = (name: ExtensionSession) => {
    const withExtension = distribution(times.get(name)!);
    // How far the ratio could move with other draws of the same loads: a goal inside it is not measurable here.
    const ratioInterval = ratioOfMediansInterval(times.get(name)!, times.get('without')!);
    return { withExtension, withoutExtension, ratio: withExtension.p50 / withoutExtension.p50, ratioInterval, harness: PLAIN };
  };
  return Object.fromEntries(extensions.map((name) => [name, each(name)])) as Record<ExtensionSession, ReturnType<typeof each>>;
}

/** Our extension with the frame (the default placement) against none; see measureHostPageLoads. */
export async function measureHostPageLoad(session: PlainSession, runs: number, contactId: number | null = 1001) {
  return (await measureHostPageLoads(session, runs, contactId, ['with'])).with;
}
