import { describeApiError, isTransient, type ApiError, type ApiResult } from '../endpoint/api-error';
import type { FirmApi } from '../endpoint/firm-api';
import { listOutbox, type OutboxEntry, passFlagVersion, readOutboxItem, updateOutboxItem } from '../cache/outbox-store';
import type { LensDb } from '../cache/lens-db';
import { nextRetryDelay } from './backoff';

/**
 * How long the endpoint keeps an idempotency key (the contract: at least 30 days). An item older
 * than that is never sent again: the endpoint may have forgotten that it already has it.
 */
export const KEY_RETENTION_MS = 30 * 24 * 60 * 60_000;
/** Answers 5xx/408 in a row before a write is given up as a permanent server failure. */
export const SERVER_FAILURE_BUDGET = 5;
/** 409 "the same key is still being processed" answers before the write is given up. */
export const IN_PROGRESS_BUDGET = 10;

export interface FlushReport {
  delivered: string[];
  /** Clients whose items changed state (for pushing fresh views and refetching their context). */
  touchedClients: Set<string>;
  /** Earliest time a waiting item may be tried again, for the alarm. */
  nextAttemptAt: number | null;
  signInRequired: boolean;
}

export interface FlushOptions {
  /**
   * Try waiting items before their back-off ends: `unreachable` when a read just succeeded (only
   * items that failed for want of a connection), `all` when the user asked. Retry-After still holds.
   */
  retryNow?: 'unreachable' | 'all';
  now?: () => number;
}

/** What one answer means for the item that was sent. */
type Outcome =
  | { kind: 'delivered'; receiptId?: string; flagVersion?: string | null }
  | { kind: 'sign-in' }
  | { kind: 'retry' }
  | { kind: 'conflict' }
  | { kind: 'rejected' }
  | { kind: 'dead-letter'; reason: string };

/**
 * Sends every due item, oldest first. Items of one client go strictly in order: while one waits
 * for a retry or for sign-in, the later ones of that client wait too. Items that can no longer be
 * sent (refused, conflicting, dead-lettered) do not hold anything back: they wait for the user.
 * A refused token stops the whole flush (all items need it).
 */
export async function flushOutbox(db: LensDb, api: FirmApi, options: FlushOptions = {}): Promise<FlushReport> {
  const now = options.now ?? Date.now;
  const due = (row: OutboxEntry) => {
    if ((row.notBefore ?? 0) > now()) return false;
    if (row.nextAttemptAt <= now() || options.retryNow === 'all') return true;
    return options.retryNow === 'unreachable' && row.retryKind === 'unreachable';
  };
  const report: FlushReport = { delivered: [], touchedClients: new Set(), nextAttemptAt: null, signInRequired: false };
  const heldClients = new Set<string>();
  const noteWait = (at: number) => {
    report.nextAttemptAt = report.nextAttemptAt === null ? at : Math.min(report.nextAttemptAt, at);
  };
  for (const listed of await listOutbox(db)) {
    // Read again: an earlier send may have handed it a flag version, or the user discarded it.
    const row = await readOutboxItem(db, listed.id);
    if (!row) continue;
    if (row.state === 'needs-sign-in') heldClients.add(row.clientId);
    if (row.state !== 'pending' || heldClients.has(row.clientId)) continue;
    if (now() - Date.parse(row.createdAt) > KEY_RETENTION_MS) {
      await deadLetter(db, row.id, 'It waited longer than the firm endpoint remembers writes (30 days), so sending it now could save it twice. Copy it and enter it again if it is still needed.');
      report.touchedClients.add(row.clientId);
      continue;
    }
    if (!due(row)) {
      heldClients.add(row.clientId);
      noteWait(Math.max(row.nextAttemptAt, row.notBefore ?? 0));
      continue;
    }
    const result = await send(api, row);
    report.touchedClients.add(row.clientId);
    const outcome = classify(row, result);
    switch (outcome.kind) {
      case 'delivered':
        await updateOutboxItem(db, row.id, (r) => ({ ...r, state: 'done', attempts: r.attempts + 1, receiptId: outcome.receiptId, reason: undefined, fieldErrors: undefined, doneAt: now() }));
        if (outcome.flagVersion !== undefined) await passFlagVersion(db, row, outcome.flagVersion);
        report.delivered.push(row.id);
        break;
      case 'sign-in':
        await updateOutboxItem(db, row.id, (r) => ({ ...r, state: 'needs-sign-in', reason: reasonOf(result) }));
        report.signInRequired = true;
        return report;
      case 'retry': {
        const error = (result as { error: ApiError }).error;
        const retryAfterMs = error.kind === 'http' ? error.retryAfterMs : null;
        const at = now() + nextRetryDelay(row.attempts, retryAfterMs);
        const retryKind = error.kind === 'network' || error.kind === 'timeout' ? 'unreachable' as const : 'server' as const;
        const notBefore = retryAfterMs === null ? undefined : now() + retryAfterMs;
        await updateOutboxItem(db, row.id, (r) => ({ ...r, attempts: r.attempts + 1, nextAttemptAt: at, retryKind, notBefore, reason: reasonOf(result), ...countFailure(r, error) }));
        heldClients.add(row.clientId);
        noteWait(at);
        break;
      }
      case 'conflict': {
        const problem = (result as { error: ApiError }).error;
        const currentFlag = problem.kind === 'http' ? problem.problem?.currentFlag : undefined;
        await updateOutboxItem(db, row.id, (r) => ({ ...r, state: 'conflict', attempts: r.attempts + 1, currentFlag, reason: reasonOf(result) }));
        break;
      }
      case 'rejected':
        await updateOutboxItem(db, row.id, (r) => ({ ...r, state: 'rejected', attempts: r.attempts + 1, ...rejection((result as { error: ApiError }).error) }));
        break;
      case 'dead-letter':
        await deadLetter(db, row.id, outcome.reason, true);
        break;
    }
  }
  return report;
}

function send(api: FirmApi, row: OutboxEntry): Promise<ApiResult<unknown>> {
  switch (row.payload.kind) {
    case 'need':
      return api.postNeed(row.clientId, row.payload.need, row.id);
    case 'flag-set':
      return api.setFlag(row.clientId, row.payload.flag, row.id, row.payload.seenVersion);
    case 'flag-clear':
      return api.clearFlag(row.clientId, row.id, row.payload.seenVersion);
    case 'need-triage':
      return api.patchNeed(row.clientId, row.payload.needId, row.payload.patch, row.payload.seenVersion);
    case 'check-in':
      return api.createCheckIn(row.payload.secondmentId, row.payload.checkIn, row.id);
    case 'objective':
      return api.patchObjective(row.payload.secondmentId, row.payload.objectiveId, row.payload.status, row.payload.seenVersion);
  }
}

/**
 * 2xx, whatever the body: delivered (sending it again, or letting the user edit it into a new
 * write, would make a duplicate). 401: hold for sign-in. 412/428 on a flag: someone changed it.
 * Transient (network, time-out, 5xx, 429, 409 in progress): retry with the same key, within the
 * budgets. 400/422: refused as written (the user may edit it). Any other refusal (403, 404, 410…):
 * it can never succeed, dead letter.
 */
export function classify(row: OutboxEntry, result: ApiResult<unknown>): Outcome {
  if (result.ok) {
    if (!('value' in result)) return { kind: 'delivered' };
    return { kind: 'delivered', receiptId: receiptOf(result.value), flagVersion: flagVersionOf(row, result.value, result.etag) };
  }
  const { error } = result;
  const status = statusOf(error);
  if (status !== null && status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 401) return { kind: 'sign-in' };
  if ((status === 412 || status === 428) && (row.payload.kind === 'flag-set' || row.payload.kind === 'flag-clear')) return { kind: 'conflict' };
  // A need or an objective changed by someone else meanwhile: refused as written, with the reason
  // (who moved it); the view is fetched again, so doing it once more starts from what is there now.
  if (status === 412 || status === 428) return { kind: 'rejected' };
  if (isTransient(error)) {
    if (status === 409 && (row.inProgressAnswers ?? 0) + 1 >= IN_PROGRESS_BUDGET) {
      return { kind: 'dead-letter', reason: 'The firm endpoint kept saying it was still processing this write. It may or may not have been saved: check before entering it again.' };
    }
    if (status !== null && (status >= 500 || status === 408) && (row.serverFailures ?? 0) + 1 >= SERVER_FAILURE_BUDGET) {
      return { kind: 'dead-letter', reason: `The firm endpoint failed every time it was sent (${describeApiError(error).detail}). It was not saved.` };
    }
    return { kind: 'retry' };
  }
  if (status === 400 || status === 422) return { kind: 'rejected' };
  if (error.kind === 'too-large' || error.kind === 'invalid-response') return { kind: 'retry' }; // no status: cannot happen for a write
  if (status === 403 || status === 404 || status === 410) return { kind: 'dead-letter', reason: 'This client is not available to you any more, so this was not saved.' };
  return { kind: 'dead-letter', reason: rejection(error).reason ?? describeApiError(error).message };
}

function statusOf(error: ApiError): number | null {
  if (error.kind === 'http') return error.status;
  if (error.kind === 'invalid-response' || error.kind === 'too-large') return error.status ?? null;
  return null;
}

function countFailure(row: OutboxEntry, error: ApiError): Pick<OutboxEntry, 'serverFailures' | 'inProgressAnswers'> {
  const status = statusOf(error);
  if (status === 409) return { inProgressAnswers: (row.inProgressAnswers ?? 0) + 1 };
  if (status !== null && (status >= 500 || status === 408)) return { serverFailures: (row.serverFailures ?? 0) + 1 };
  // The endpoint answered something else (network failure, 429): a 5xx streak is broken.
  return status === 429 ? {} : { serverFailures: 0 };
}

function receiptOf(value: unknown): string | undefined {
  return value && typeof value === 'object' && 'id' in value ? String(value.id).slice(0, 100) : undefined;
}

/** The flag's version after a delivered flag write: the new one, or null once cleared. */
function flagVersionOf(row: OutboxEntry, value: unknown, etag: string | null): string | null | undefined {
  if (row.payload.kind === 'flag-clear') return null;
  if (row.payload.kind !== 'flag-set') return undefined;
  const fromBody = value && typeof value === 'object' && 'version' in value && typeof value.version === 'string' ? value.version : undefined;
  return fromBody ?? (etag?.match(/^(?:W\/)?"([^"]+)"$/)?.[1]);
}

function reasonOf(result: ApiResult<unknown>): string | undefined {
  return result.ok ? undefined : describeApiError(result.error).message;
}

async function deadLetter(db: LensDb, id: string, reason: string, attempted = false): Promise<void> {
  await updateOutboxItem(db, id, (r) => ({ ...r, state: 'dead-letter', attempts: r.attempts + (attempted ? 1 : 0), reason: reason.slice(0, 500), fieldErrors: undefined }));
}

function rejection(error: ApiError): Pick<OutboxEntry, 'reason' | 'fieldErrors'> {
  const problem = error.kind === 'http' ? error.problem : null;
  const fieldErrors = problem?.errors?.length ? Object.fromEntries(problem.errors.map((e) => [e.path, e.message])) : undefined;
  const reason = problem?.detail ?? problem?.title ?? describeApiError(error).message;
  return { reason: reason.slice(0, 500), fieldErrors };
}
