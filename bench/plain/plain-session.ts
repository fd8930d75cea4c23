import { rmSync } from 'node:fs';
import { DEMO_TOKENS } from '../../server/demo/demo-ids';
import type { RunningServer } from '../../server/start-server';
import { type BenchEvent, BENCH_HOST, CLIO_HOST, SIDE_PANEL_USER_AGENT, startBenchHostServer } from './bench-host-server';
import { buildBenchExtension } from './build-bench-extension';
import { writeFloorExtension } from './floor-extension';
import { launchPlainChromium, type PlainChromium } from './launch-plain-chromium';
import { makeThrowawayCert } from './self-signed-cert';

/** Every figure of this harness says so. */
export const PLAIN = 'plain-chromium';

/**
 * A browser session's page: 'with' runs the bench build of the extension, 'without' none,
 * 'side-panel' the same bench build with the side panel as the sidebar's placement (nothing
 * inserted into the page), in its own profile; 'floor' an extension of one empty content script
 * (bench/plain/floor-extension.ts): what any content script costs the page.
 */
export type SessionName = 'with' | 'without' | 'side-panel' | 'floor';

export type LoadEvent = BenchEvent & { timeOrigin: number; loadEventStart: number; loadEventEnd: number };
export type ReadyEvent = BenchEvent & { at: number; detail: { clientId: string } };

const isReady = (e: BenchEvent): e is ReadyEvent => e.source === 'sidebar' && e.mark === 'lens:ready';

/**
 * The extension's reports from one session's pages: a content script's report carries its page's
 * `performance.timeOrigin`, the same number the page's driver reports with its load event.
 */
export function ofSession(events: readonly BenchEvent[], session: SessionName): BenchEvent[] {
  const pages = new Set(events.filter((e) => e.source === 'host' && e.session === session && e.kind === 'load').map((e) => e.timeOrigin));
  return events.filter((e) => e.source !== 'content' || pages.has(e.timeOrigin));
}

/**
 * The plain-Chromium harness, set up: the bench build, a throwaway certificate, the HTTPS host
 * server, and two plain Chromium processes (one with the extension, signed in through the bench
 * config and with records 1001 and 1004 cached; one without); `addSidePanelBrowser` adds a third,
 * the extension set to the side panel as its placement (its sign-in config says so), signed in too.
 * The steps below only hand the host pages commands and read what the pages and the extension report.
 */
export async function startPlainSession(endpoint: RunningServer, say: (line: string) => void) {
  const extensionDir = buildBenchExtension();
  const cert = makeThrowawayCert([CLIO_HOST, BENCH_HOST]);
  const host = await startBenchHostServer(cert, { endpointUrl: endpoint.url, token: DEMO_TOKENS.partner });
  const browsers: PlainChromium[] = [];
  let floorDir: string | undefined;
  const launch = (session: SessionName) => browsers.push(launchPlainChromium({
    startUrl: host.recordUrl(session, 1001), hosts: host.hosts, port: host.port, spkiSha256: cert.spkiSha256,
    extensionDir: session === 'without' ? undefined : session === 'floor' ? floorDir : extensionDir,
    // How the bench server tells this browser's worker apart when it asks for its sign-in config.
    userAgent: session === 'side-panel' ? SIDE_PANEL_USER_AGENT : undefined,
  }));

  /** Opens `contactId` (null: the contacts list) in a fresh tab of the session (the old tab closes itself); resolves on its load event. */
  const openFresh = async (session: SessionName, contactId: number | null) => {
    const from = host.events.length;
    host.command(session, { action: 'open', url: host.recordUrl(session, contactId) });
    const load = await host.waitFor((e) => e.source === 'host' && e.session === session && e.kind === 'load', 20_000, from) as LoadEvent;
    return { load, from };
  };
  /** The first paint of a client's context (other than `notClient`) at or after `atLeast` (epoch ms). */
  const readyAfter = (from: number, atLeast: number, notClient: string | null = null, timeoutMs = 10_000) =>
    host.waitFor((e) => isReady(e) && e.at >= atLeast && e.detail.clientId !== notClient, timeoutMs, from) as Promise<ReadyEvent>;
  /**
   * The sidebar's `lens:rendered` mark that follows `ready` (bench/plain: the browser's rendering
   * step after React's commit done), or null when none came within `timeoutMs`.
   */
  const renderedAfter = (from: number, ready: ReadyEvent, timeoutMs = 2_000) =>
    host.waitFor((e) => e.source === 'sidebar' && e.mark === 'lens:rendered' && (e.at as number) >= ready.at
      && (e.detail as { clientId?: unknown } | null)?.clientId === ready.detail.clientId, timeoutMs, from)
      .then((e) => e.at as number, () => null);
  /** Changes the hash of the session's page; resolves with the epoch time it was set (page clock). */
  const changeHash = async (session: SessionName, contactId: number) => {
    const from = host.events.length;
    host.command(session, { action: 'hash', hash: `#/contacts/${contactId}` });
    const hash = await host.waitFor((e) => e.source === 'host' && e.session === session && e.kind === 'hash', 10_000, from);
    return { at: hash.at as number, from };
  };

  try {
    launch('with');
    launch('without');
    await host.waitFor((e) => e.source === 'host' && e.kind === 'load' && e.session === 'with', 30_000);
    await host.waitFor((e) => e.source === 'host' && e.kind === 'load' && e.session === 'without', 30_000);
    // The worker signs in from the bench config at its start; then both records are looked up once.
    for (let i = 0; host.configAsked === 0; i++) {
      if (i > 100) throw new Error('plain-chromium: the bench build never asked for its sign-in config');
      await pause(100);
    }
    for (const id of [1004, 1001]) {
      for (let attempt = 1; ; attempt++) {
        const { load, from } = await openFresh('with', id);
        try {
          await readyAfter(from, load.timeOrigin, null, 8_000);
          break;
        } catch (error) {
          if (attempt === 5) throw error;
        }
      }
      await pause(300);
    }
    say(`plain-chromium: bench build signed in, records 1001 and 1004 cached (${CLIO_HOST} and ${BENCH_HOST} on https://127.0.0.1:${host.port})`);
  } catch (error) {
    for (const b of browsers) await b.close();
    await host.close();
    throw error;
  }
  /**
   * Starts the third browser, the extension set to the side panel as its placement: only when its
   * figures are next, so it does not share the cores during the others.
   */
  const addSidePanelBrowser = async () => {
    launch('side-panel');
    await host.waitFor((e) => e.source === 'host' && e.kind === 'load' && e.session === 'side-panel', 30_000);
    // Its worker signs in, then sets the placement: left alone meanwhile (tabs opened and closed
    // while a browser starts can keep Chromium from answering for the firm's policy, which a first
    // sign-in waits for: see lib/settings/managed-policy.ts).
    for (let i = 0; host.configAsked < 2; i++) {
      if (i > 100) throw new Error('plain-chromium: the side-panel browser never asked for its sign-in config');
      await pause(100);
    }
    await pause(5_000);
    // Signed in with the side panel as the placement once one of its record pages runs the
    // content script without inserting a frame (its stretch is then named `noFrame`, not `mount`).
    for (let attempt = 1; ; attempt++) {
      const { load, from } = await openFresh('side-panel', 1001);
      const report = await host.waitFor((e) => e.source === 'content' && e.timeOrigin === load.timeOrigin && Array.isArray(e.mainThread), 8_000, from).catch(() => null);
      const parts = (report?.mainThread as { part: string }[] | undefined)?.map((p) => p.part) ?? [];
      if (parts.includes('noFrame')) break;
      if (attempt === 20) throw new Error(`plain-chromium: the side-panel session still inserts a frame (${parts.join(', ')})`);
      await pause(1_000);
    }
    say('plain-chromium: a third browser signed in with the side panel as the placement');
  };
  /** Starts the fourth browser, the floor's (only when its figures are next). */
  const addFloorBrowser = async () => {
    floorDir = writeFloorExtension();
    launch('floor');
    await host.waitFor((e) => e.source === 'host' && e.kind === 'load' && e.session === 'floor', 30_000);
    await pause(2_000);
  };
  return {
    host, openFresh, readyAfter, renderedAfter, changeHash, addSidePanelBrowser, addFloorBrowser,
    async close() {
      for (const b of browsers) await b.close();
      await host.close();
      if (floorDir) rmSync(floorDir, { recursive: true, force: true });
    },
  };
}
export type PlainSession = Awaited<ReturnType<typeof startPlainSession>>;

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
