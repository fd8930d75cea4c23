import { purgeClient, readContext, touchContext, writeContext } from '../cache/context-cache';
import { countCachedClients, deleteExpired, evictLeastRecentlyViewed } from '../cache/eviction';
import { isQuotaError } from '../cache/storage-errors';
import type { ClientContext } from '../contract/client-context';
import type { CachedContext, OutboxRow } from '../cache/lens-db';
import { listOutboxForClient } from '../cache/outbox-store';
import { settledClientId, writeResolution } from '../cache/resolution-cache';
import type { ExternalRecord } from '../contract/pms';
import { describeApiError, type ApiError } from '../endpoint/api-error';
import type { RecordRefMessage } from '../messaging/record-ref-schema';
import type { Freshness, ProblemView, SidebarView } from '../messaging/sidebar-view';
import type { Active, ActiveSession, SignedOutReason } from './active-session';
import { cachedPracticeAreas, FALLBACK_PRACTICE_AREAS, refreshPracticeAreas } from './practice-areas';
import { readFirstLook } from '../cache/first-look';
import { abortableSleep } from './abortable-sleep';
import type { PurgeGuard } from './purged-clients';

/** A cached mapping younger than this is trusted without asking the endpoint again. */
const RESOLUTION_TTL_MS = 24 * 60 * 60_000;

/**
 * How long a look-up that painted from the cache waits before its first endpoint request. The
 * request's work on this machine (the network stack, the endpoint's answer checked and saved, the
 * second view it pushes) otherwise runs in the very milliseconds the sidebar renders the cached view,
 * and on two cores it slowed that render as much as the render's own work: the record switch's p95
 * in the plain bench was 15.5–16.8 ms with the request at once and 11.8–12.2 ms with this wait (three
 * runs of 60 switches each, interleaved). The cached view shows either way; its confirmation comes
 * 100 ms later than it did.
 */
const PAINT_FIRST_MS = 100;

export interface LoadOptions {
  /** Ask the endpoint even when the cached mapping is recent (the user pressed refresh). */
  force?: boolean;
  /** Purges that happen while this load runs (see PurgedClients); and how to purge everywhere. */
  purges?: PurgeGuard;
  /**
   * Awaited before each endpoint request of this look-up (the tab's rate limit, see
   * LookupRateLimit); false: the look-up was given up while it waited. The cache is read, and its
   * answer painted, before this is asked.
   */
  endpointTurn?: () => Promise<boolean>;
  /** The wait after a view painted from the cache (PAINT_FIRST_MS); none when `force` is set. */
  paintFirstMs?: number;
}

/**
 * The look-up flow for one record view: answer at once from the cache, then revalidate with the
 * endpoint and push again. `push` is called with each better view; nothing is pushed once `signal`
 * is aborted (the user has moved to another record).
 */
export async function loadRecordView(
  sessions: ActiveSession,
  ref: RecordRefMessage,
  signal: AbortSignal,
  push: (view: SidebarView) => void,
  options: LoadOptions = {},
): Promise<void> {
  const emit = (view: SidebarView) => {
    if (!signal.aborted) push(view);
  };
  const active = await sessions.get();
  if ('signedOut' in active) return emit(await signedOutView(sessions, active.signedOut));
  const record = toExternalRecord(ref);
  const { db } = active;

  // 1. From the cache, at once (one read transaction): the endpoint's cached mapping, or else the
  // synced book's clients that list this record (reachable offline even if never opened online).
  const look = await readFirstLook(db, record);
  let resolution = look.resolution;
  let clientId = resolution ? settledClientId(resolution) : null;
  let cached = look.cached && (await keepIfWithinMaxAge(active, look.cached));
  if (cached) emit(composeReadyView(active, ref, cached, { fetchedAt: iso(cached.fetchedAt), state: 'revalidating' }, look.outbox, look.practiceAreas ?? FALLBACK_PRACTICE_AREAS));
  else if (resolution && !clientId && resolution.matches.length > 1) emit({ status: 'ambiguous', record: ref, matches: resolution.matches });
  else emit({ status: 'loading', record: ref });
  // The sidebar paints what it has before the endpoint is asked (PAINT_FIRST_MS); a refresh the
  // user asked for goes at once.
  if (cached && !options.force && !(await abortableSleep(options.paintFirstMs ?? PAINT_FIRST_MS, signal))) return;

  // 2. Which client is this record? The cached mapping first; the endpoint when unknown, old, or
  // known only from the synced book (`resolvedAt` 0): its answer wins whenever it can be had.
  if (!resolution || options.force || Date.now() - resolution.resolvedAt > RESOLUTION_TTL_MS) {
    if (options.endpointTurn && !(await options.endpointTurn())) return;
    const resolved = await active.api.resolve(record, signal);
    if (signal.aborted) return;
    if (!resolved.ok) {
      const unauthorised = resolved.error.kind === 'http' && resolved.error.status === 401;
      // Offline or endpoint trouble: a mapping we already have (cached or synced) still stands.
      if (unauthorised || !resolution) return emit(await failureView(active, sessions, ref, cached, resolved.error));
      if (!clientId) return emit({ status: 'ambiguous', record: ref, matches: resolution.matches });
      if (cached?.clientId !== clientId) cached = await usableCache(active, clientId);
      return emit(await failureView(active, sessions, ref, cached, resolved.error));
    }
    if ('value' in resolved) {
      // Only a mapping the endpoint gave may be taken back by it; one inferred from the synced
      // book proves nothing about walls (the feed's access.revoke purges those).
      const before = resolution && resolution.resolvedAt > 0 ? clientId : null;
      resolution = await writeResolution(db, record, resolved.value.matches);
      // The endpoint no longer lists the client this record stood for (a wall, a deletion): its
      // cached data must not stay on this machine.
      if (before && !resolved.value.matches.some((m) => m.id === before)) {
        if (options.purges) await options.purges.purge(before);
        else await purgeClient(db, before);
      }
    }
    clientId = resolution ? settledClientId(resolution) : null;
  }
  if (!resolution || resolution.matches.length === 0) return emit({ status: 'not-found', record: ref });
  if (!clientId) return emit({ status: 'ambiguous', record: ref, matches: resolution.matches });
  if (cached?.clientId !== clientId) {
    cached = await usableCache(active, clientId);
    if (cached) emit(await readyView(active, ref, cached, { fetchedAt: iso(cached.fetchedAt), state: 'revalidating' }));
  }

  // 3. Revalidate the context with a conditional request.
  if (options.endpointTurn && !(await options.endpointTurn())) return;
  const answer = await active.api.context(clientId, cached?.etag ?? null, signal);
  if (signal.aborted) return;
  if (answer.ok) {
    // Revoked while the answer was on its way: it must not be cached, nor shown.
    if (options.purges?.isPurged(clientId)) return emit({ status: 'restricted', record: ref });
    if ('value' in answer) {
      const saved = await saveContext(active, answer.value, answer.etag);
      // Revoked while it was being saved: the purge may have run before the save committed.
      if (options.purges?.isPurged(clientId)) {
        await options.purges.purge(clientId);
        return emit({ status: 'restricted', record: ref });
      }
      if (!saved.ok) {
        // Shown, but said plainly: it will not be there offline.
        const shown = { clientId, context: answer.value, etag: answer.etag, fetchedAt: Date.now(), lastViewedAt: Date.now() };
        return emit(await readyView(active, ref, shown, { fetchedAt: iso(shown.fetchedAt), state: 'error', problem: { code: 'storage-full', message: 'Shown, but not saved for offline use: this computer has no room left for Secondment Lens.' } }));
      }
    }
    const fresh = 'value' in answer ? await readContext(db, clientId) : await touchContext(db, clientId);
    if (fresh) {
      const freshness: Freshness = { fetchedAt: iso(fresh.fetchedAt), state: 'fresh' };
      emit(await readyView(active, ref, fresh, freshness));
      // Read again as confirmed, and kept: coming back to this record paints without a round trip
      // to IndexedDB (first-look.ts). After the paint, never before it.
      void readFirstLook(db, record).catch(() => undefined);
      // The need form's list of practice areas: fetched after the view, shown when it arrives.
      if (await refreshPracticeAreas(active).catch(() => false)) emit(await readyView(active, ref, fresh, freshness));
      return;
    }
    // A 304 for a context purged meanwhile: fetch it whole.
    return loadRecordView(sessions, ref, signal, push, { ...options, force: true });
  }
  if (answer.error.kind === 'http' && (answer.error.status === 403 || answer.error.status === 404)) {
    // Ethical wall, or a client that does not exist for this user (the endpoint answers a walled
    // id exactly like a missing one): nothing of it may stay on this machine, in any view.
    if (options.purges) await options.purges.purge(clientId);
    else await purgeClient(db, clientId);
    return emit({ status: 'restricted', record: ref });
  }
  emit(await failureView(active, sessions, ref, cached, answer.error));
}

/**
 * Caches a fresh context, keeping the cache within the firm's size cap. When the browser's quota is
 * reached, the least recently viewed fifth is evicted and the write tried once more.
 */
async function saveContext(active: Active, context: ClientContext, etag: string | null): Promise<{ ok: boolean }> {
  const { db, settings } = active;
  try {
    await writeContext(db, context, etag);
    await evictLeastRecentlyViewed(db, settings.cacheMaxClients);
    return { ok: true };
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    await evictLeastRecentlyViewed(db, Math.floor((await countCachedClients(db)) * 0.8));
    try {
      await writeContext(db, context, etag);
      return { ok: true };
    } catch (again) {
      if (isQuotaError(again)) return { ok: false };
      throw again;
    }
  }
}

/** Signed out: why, and the firm to sign in with when its identity provider is configured ("Sign in with <firm>"). */
async function signedOutView(sessions: ActiveSession, reason: SignedOutReason): Promise<SidebarView> {
  const firm = await sessions.firmSignInName();
  return firm ? { status: 'signed-out', reason, firm } : { status: 'signed-out', reason };
}

/** A failed revalidation: keep showing the cached context with the reason, or explain why there is none. */
async function failureView(active: Active, sessions: ActiveSession, ref: RecordRefMessage, cached: CachedContext | undefined, error: ApiError): Promise<SidebarView> {
  if (error.kind === 'http' && error.status === 401) {
    await sessions.markRejected();
    return signedOutView(sessions, 'rejected');
  }
  const problem: ProblemView = describeApiError(error);
  if (cached) {
    const state = error.kind === 'network' || error.kind === 'timeout' ? 'offline' : 'error';
    return readyView(active, ref, cached, { fetchedAt: iso(cached.fetchedAt), state, problem });
  }
  return { status: 'error', record: ref, problem };
}

async function usableCache(active: Active, clientId: string): Promise<CachedContext | undefined> {
  const row = await readContext(active.db, clientId);
  return row && keepIfWithinMaxAge(active, row);
}

/**
 * Past the firm's maximum age, cached context is never shown as if current: it is deleted (with
 * everything else past that age), not just hidden.
 */
async function keepIfWithinMaxAge(active: Active, row: CachedContext): Promise<CachedContext | undefined> {
  const maxAgeMs = active.settings.maxCacheAgeHours * 3_600_000;
  if (Date.now() - row.fetchedAt <= maxAgeMs) return row;
  await deleteExpired(active.db, maxAgeMs);
  return undefined;
}

export async function readyView(active: Active, ref: RecordRefMessage, cached: CachedContext, freshness: Freshness): Promise<SidebarView> {
  const [outbox, practiceAreas] = await Promise.all([
    listOutboxForClient(active.db, cached.clientId),
    cachedPracticeAreas(active.db),
  ]);
  return composeReadyView(active, ref, cached, freshness, outbox, practiceAreas);
}

function composeReadyView(active: Active, ref: RecordRefMessage, cached: CachedContext, freshness: Freshness, outbox: OutboxRow[], practiceAreas: string[]): SidebarView {
  return {
    status: 'ready',
    record: ref,
    me: active.session.user,
    context: cached.context,
    freshness,
    outbox: outbox.map(({ seq: _seq, nextAttemptAt: _next, doneAt: _done, retryKind: _kind, notBefore: _notBefore, ...item }) => item),
    practiceAreas,
  };
}

export function toExternalRecord(ref: RecordRefMessage): ExternalRecord {
  return { system: ref.system, kind: ref.kind, externalId: ref.externalId, tenant: ref.tenant ?? null };
}

const iso = (ms: number) => new Date(ms).toISOString();
