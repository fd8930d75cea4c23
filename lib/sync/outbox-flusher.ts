import { describeApiError, isTransient, type ApiError, type ApiResult } from '../endpoint/api-error';
import type { FirmApi } from '../endpoint/firm-api';
import { listOutbox, updateOutboxItem } from '../cache/outbox-store';
import type { LensDb, OutboxRow } from '../cache/lens-db';
import { nextRetryDelay } from './backoff';

export interface FlushReport {
  delivered: string[];
  /** Clients whose items changed state (for pushing fresh views). */
  touchedClients: Set<string>;
  /** Earliest time a waiting item may be tried again, for the alarm. */
  nextAttemptAt: number | null;
  signInRequired: boolean;
}

/**
 * Sends every due item, oldest first. Items of one client go in order: once one waits for a retry,
 * the later ones of that client wait too. A refused token stops the whole flush (all items need it).
 */
export interface FlushOptions {
  /**
   * Try waiting items before their back-off ends: `unreachable` when a read just succeeded (only
   * items that failed for want of a connection), `all` when the user asked. Retry-After still holds.
   */
  retryNow?: 'unreachable' | 'all';
  now?: () => number;
}

export async function flushOutbox(db: LensDb, api: FirmApi, options: FlushOptions = {}): Promise<FlushReport> {
  const now = options.now ?? Date.now;
  const due = (row: OutboxRow) => {
    if ((row.notBefore ?? 0) > now()) return false;
    if (row.nextAttemptAt <= now() || options.retryNow === 'all') return true;
    return options.retryNow === 'unreachable' && row.retryKind === 'unreachable';
  };
  const report: FlushReport = { delivered: [], touchedClients: new Set(), nextAttemptAt: null, signInRequired: false };
  const waitingClients = new Set<string>();
  const noteWait = (at: number) => {
    report.nextAttemptAt = report.nextAttemptAt === null ? at : Math.min(report.nextAttemptAt, at);
  };
  for (const row of await listOutbox(db)) {
    if (row.state !== 'pending') continue;
    if (waitingClients.has(row.clientId)) continue;
    if (!due(row)) {
      waitingClients.add(row.clientId);
      noteWait(Math.max(row.nextAttemptAt, row.notBefore ?? 0));
      continue;
    }
    const result = await send(api, row);
    report.touchedClients.add(row.clientId);
    if (result.ok) {
      const receiptId = 'value' in result && result.value && typeof result.value === 'object' && 'id' in result.value ? String(result.value.id) : undefined;
      await updateOutboxItem(db, row.id, (r) => ({ ...r, state: 'done', attempts: r.attempts + 1, receiptId, reason: undefined, fieldErrors: undefined, doneAt: now() }));
      report.delivered.push(row.id);
      continue;
    }
    const outcome = classify(result.error);
    if (outcome === 'sign-in') {
      await updateOutboxItem(db, row.id, (r) => ({ ...r, state: 'needs-sign-in', reason: describeApiError(result.error).message }));
      report.signInRequired = true;
      break;
    }
    if (outcome === 'retry') {
      const retryAfterMs = result.error.kind === 'http' ? result.error.retryAfterMs : null;
      const at = now() + nextRetryDelay(row.attempts, retryAfterMs);
      const retryKind = result.error.kind === 'network' || result.error.kind === 'timeout' ? 'unreachable' as const : 'server' as const;
      const notBefore = retryAfterMs === null ? undefined : now() + retryAfterMs;
      await updateOutboxItem(db, row.id, (r) => ({ ...r, attempts: r.attempts + 1, nextAttemptAt: at, retryKind, notBefore, reason: describeApiError(result.error).message }));
      waitingClients.add(row.clientId);
      noteWait(at);
      continue;
    }
    await updateOutboxItem(db, row.id, (r) => ({ ...r, state: 'rejected', attempts: r.attempts + 1, ...rejection(result.error) }));
  }
  return report;
}

function send(api: FirmApi, row: OutboxRow): Promise<ApiResult<unknown>> {
  switch (row.payload.kind) {
    case 'need':
      return api.postNeed(row.clientId, row.payload.need, row.id);
    case 'flag-set':
      return api.setFlag(row.clientId, row.payload.flag, row.id);
    case 'flag-clear':
      return api.clearFlag(row.clientId, row.id);
  }
}

/** 401: hold for sign-in. Transient (network, time-out, 5xx, 429, 409 in progress): retry, same key. Else: refused. */
function classify(error: ApiError): 'sign-in' | 'retry' | 'reject' {
  if (error.kind === 'http' && error.status === 401) return 'sign-in';
  return isTransient(error) ? 'retry' : 'reject';
}

function rejection(error: ApiError): Pick<OutboxRow, 'reason' | 'fieldErrors'> {
  const problem = error.kind === 'http' ? error.problem : null;
  const fieldErrors = problem?.errors?.length ? Object.fromEntries(problem.errors.map((e) => [e.path, e.message])) : undefined;
  const reason = problem?.detail ?? problem?.title ?? describeApiError(error).message;
  return { reason: reason.slice(0, 500), fieldErrors };
}
