import { beforeEach, describe, expect, it } from 'vitest';
import type { Active, ActiveSession } from '@/lib/background/active-session';
import { type LoadOptions, loadRecordView } from '@/lib/background/record-view-loader';
import { type LensDb, META_KEYS, openLensDb } from '@/lib/cache/lens-db';
import { bookIds, seedBook } from '../../support/book-fixtures';
import { refKey } from '@/lib/cache/resolution-cache';
import type { Client } from '@/lib/contract/client';
import type { ExternalRecord } from '@/lib/contract/pms';
import type { RecordRefMessage } from '@/lib/messaging/record-ref-schema';
import type { SidebarView } from '@/lib/messaging/sidebar-view';
import { SettingsSchema } from '@/lib/settings/settings-schema';
import { PARTNER, readyView, SAM_ACTIVE } from '../components/fixtures';
import { networkError, okResult, scriptedApi } from '../sync/fake-api';

// The first look of a record view (issue 9, item 0): the synced book, found through its index,
// answers for records never resolved online; the endpoint's answer still wins when it comes.

const REF: RecordRefMessage = { system: 'clio', kind: 'contact', externalId: '1003', tenant: 'app.clio.com', label: 'Aldgate Capital' };
const RECORD: ExternalRecord = { system: 'clio', kind: 'contact', externalId: '1003', tenant: 'app.clio.com' };
const client = (id: string, name: string): Client => ({ id, name, industry: 'x', externalIds: [RECORD] });
let db: LensDb;

/** The session service as the loader sees it: signed in as a partner, with this endpoint. */
function sessionsFor(api: Active['api'], settings: object = {}): ActiveSession {
  const active = { db, api, settings: SettingsSchema.parse(settings), session: { user: PARTNER } } as unknown as Active;
  return { get: async () => active, markRejected: async () => undefined } as unknown as ActiveSession;
}

/** Loads the view once, with the endpoint answering as scripted; returns every view pushed. */
async function load(api: Active['api'], settings: object = {}, options: LoadOptions = {}): Promise<SidebarView[]> {
  const views: SidebarView[] = [];
  await loadRecordView(sessionsFor(api, settings), REF, new AbortController().signal, (v) => views.push(v), options);
  return views;
}

/** A synced client (never opened: lastViewedAt 0) with one secondment. */
async function syncClient(c: Client, at = Date.now()) {
  await seedBook(db, { clients: [c], secondments: [{ ...SAM_ACTIVE, id: `s-${c.id}`, clientId: c.id }] }, at);
}

beforeEach(async () => {
  db = await openLensDb(`lens-test-rvl-${Math.random().toString(36).slice(2)}`);
});

describe('the first look of a record never resolved online', () => {
  it('offline, shows the one synced client that lists the record', async () => {
    await syncClient(client('c-a', 'Aldgate Capital LLP'));
    const views = await load(scriptedApi({ resolve: async () => networkError }).api);
    expect(views[0]).toMatchObject({ status: 'ready', context: { client: { id: 'c-a' } }, freshness: { state: 'revalidating' } });
    expect(views.at(-1)).toMatchObject({ status: 'ready', context: { client: { id: 'c-a' } }, freshness: { state: 'offline' } });
    expect((views.at(-1) as Extract<SidebarView, { status: 'ready' }>).context.secondments.map((s) => s.id)).toEqual(['s-c-a']);
  });

  it('offline, offers the picker when several synced clients list it', async () => {
    await syncClient(client('c-a', 'Aldgate Capital LLP'));
    await syncClient(client('c-h', 'Aldgate Capital Holdings Ltd'));
    const views = await load(scriptedApi({ resolve: async () => networkError }).api);
    expect(views.map((v) => v.status)).toEqual(['ambiguous', 'ambiguous']);
    expect((views.at(-1) as Extract<SidebarView, { status: 'ambiguous' }>).matches.map((m) => m.id)).toEqual(['c-h', 'c-a']); // by name, as the endpoint orders
  });

  it('online, follows the endpoint’s answer, and keeps the synced client it contradicts', async () => {
    await syncClient(client('c-a', 'Aldgate Capital LLP'));
    await syncClient(client('c-m', 'Meridian Retail Group'));
    const meridian = { ...readyView().context, client: client('c-m', 'Meridian Retail Group'), secondments: [], needs: [], candidateFlag: null };
    const { api } = scriptedApi({
      resolve: async () => okResult({ matches: [{ id: 'c-m', name: 'Meridian Retail Group', industry: 'x' }] }),
      context: async () => okResult(meridian),
      practiceAreas: async () => networkError,
    });
    const views = await load(api);
    expect(views.at(-1)).toMatchObject({ status: 'ready', context: { client: { id: 'c-m' } }, freshness: { state: 'fresh' } });
    expect(await db.get('resolutions', refKey(RECORD))).toMatchObject({ matches: [{ id: 'c-m' }] });
    expect((await bookIds(db)).clients).toContain('c-a'); // a synced mapping proves nothing about walls
  });

  it('deletes a synced client past the firm’s maximum age instead of showing it', async () => {
    const old = Date.now() - 30 * 3_600_000;
    await syncClient(client('c-a', 'Aldgate Capital LLP'), old);
    await db.put('meta', old, META_KEYS.syncConfirmedAt);
    const views = await load(scriptedApi({ resolve: async () => networkError }).api, { maxCacheAgeHours: 24 });
    expect(views.some((v) => v.status === 'ready')).toBe(false);
    expect(await bookIds(db)).toMatchObject({ clients: [], secondments: [], mentioned: [] });
  });
});

describe('the endpoint turn (the tab\'s rate limit)', () => {
  it('is asked once the cached context is painted, before any endpoint request; refused, nothing reaches the endpoint', async () => {
    await syncClient(client('c-a', 'Aldgate Capital LLP'));
    const { api, calls } = scriptedApi({ resolve: async () => networkError });
    const views: SidebarView[] = [];
    const painted: string[] = [];
    await loadRecordView(sessionsFor(api), REF, new AbortController().signal, (v) => views.push(v), {
      endpointTurn: async () => (painted.push(...views.map((v) => v.status)), false),
    });
    expect(painted).toEqual(['ready']); // the cache's answer was already on its way to the sidebar
    expect(calls).toEqual([]);
    expect(views.map((v) => v.status)).toEqual(['ready']);
  });

  it('given, the look-up goes on to the endpoint as before', async () => {
    await syncClient(client('c-a', 'Aldgate Capital LLP'));
    const { api, calls } = scriptedApi({ resolve: async () => networkError });
    let asked = 0;
    const views = await load(api, {}, { endpointTurn: async () => (asked++, true) });
    expect(asked).toBe(1);
    expect(calls.map((c) => c.method)).toEqual(['resolve']);
    expect(views.at(-1)).toMatchObject({ status: 'ready', freshness: { state: 'offline' } });
  });
});

describe('painting first (PAINT_FIRST_MS)', () => {
  /** Loads with a scripted endpoint that notes when it was first asked; `abortAfterFirstView` stops the look-up there. */
  async function timedLoad(options: LoadOptions, abortAfterFirstView = false) {
    const asked: number[] = [];
    const { api, calls } = scriptedApi({ resolve: async () => (asked.push(performance.now()), networkError) });
    const controller = new AbortController();
    const views: { status: string; at: number }[] = [];
    await loadRecordView(sessionsFor(api), REF, controller.signal, (v) => {
      views.push({ status: v.status, at: performance.now() });
      if (abortAfterFirstView) controller.abort();
    }, options);
    return { asked, calls, views };
  }

  it('a view painted from the cache has the sidebar to itself for the wait before the endpoint is asked', async () => {
    await syncClient(client('c-a', 'Aldgate Capital LLP'));
    const { asked: [askedAt, ...more], views: [painted] } = await timedLoad({ paintFirstMs: 80 });
    expect(painted?.status).toBe('ready');
    expect(more).toEqual([]);
    expect((askedAt ?? 0) - (painted?.at ?? 0)).toBeGreaterThanOrEqual(78); // a timer may fire a millisecond early
  });

  it('the record left during the wait: the endpoint is never asked', async () => {
    await syncClient(client('c-a', 'Aldgate Capital LLP'));
    const { calls, views } = await timedLoad({ paintFirstMs: 60_000 }, true);
    expect(views.map((v) => v.status)).toEqual(['ready']);
    expect(calls).toEqual([]);
  });

  it('a refresh the user asked for, and a record with nothing cached, go to the endpoint without waiting', async () => {
    await syncClient(client('c-a', 'Aldgate Capital LLP'));
    // A wait of a minute would outlast the test's own time limit.
    const refreshed = await timedLoad({ paintFirstMs: 60_000, force: true });
    expect(refreshed.calls.map((c) => c.method)).toEqual(['resolve']);
    expect(refreshed.views.map((v) => v.status)).toEqual(['ready', 'ready']);
    db = await openLensDb(`lens-test-rvl-${Math.random().toString(36).slice(2)}`); // nothing cached
    const cold = await timedLoad({ paintFirstMs: 60_000 });
    expect(cold.calls.map((c) => c.method)).toEqual(['resolve']);
    expect(cold.views.map((v) => v.status)).toEqual(['loading', 'error']);
  });
});
