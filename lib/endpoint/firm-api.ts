import { z } from 'zod';
import { CandidateFlag, type CandidateFlagInput, flagEntityTag } from '../contract/candidate-flag';
import { ChangesPage } from '../contract/changes';
import { Client, ClientList, ResolveResult } from '../contract/client';
import { ClientContext } from '../contract/client-context';
import { Need, type NeedPatch, type NewNeed, PracticeAreaList } from '../contract/need';
import { CheckIn, type NewCheckIn, type ObjectiveStatus, Secondment } from '../contract/secondment';
import type { ExternalRecord } from '../contract/pms';
import { User } from '../contract/user';
import type { ApiResult } from './api-error';
import { type BearerSource, sendWithBearer } from './bearer';
import { requestJson } from './request-json';

/**
 * The change feed's envelope. Each change is validated on its own by book sync (lib/sync/
 * validate-changes.ts): one change that fails the contract must not stall the feed (issue 9).
 */
const ChangesEnvelope = ChangesPage.extend({ changes: z.array(z.unknown()).max(5000) });

const KiB = 1024;
const MiB = 1024 * KiB;

export interface FirmApiConfig {
  endpointUrl: string;
  /** An API token, or the firm sign-in's access token (renewed once after a 401). */
  token: string | BearerSource;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** The firm endpoint's API v1, one method per route; every answer validated against lib/contract. */
export function createFirmApi(config: FirmApiConfig) {
  const base = new URL('v1/', config.endpointUrl.endsWith('/') ? config.endpointUrl : `${config.endpointUrl}/`);
  const url = (path: string, query?: Record<string, string | undefined>) => {
    const u = new URL(path, base);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) u.searchParams.set(k, v);
    return u.toString();
  };
  const call = <S extends z.ZodType>(
    path: string,
    schema: S | null,
    init: { method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; body?: unknown; headers?: Record<string, string>; etag?: string | null; maxBytes?: number; query?: Record<string, string | undefined>; signal?: AbortSignal } = {},
  ): Promise<ApiResult<z.infer<S>>> =>
    sendWithBearer(config.token, (token) => requestJson({
      url: url(path, init.query),
      schema,
      token,
      timeoutMs: config.timeoutMs,
      maxBytes: init.maxBytes ?? 256 * KiB,
      fetch: config.fetch,
      method: init.method,
      body: init.body,
      headers: init.headers,
      etag: init.etag,
      signal: init.signal,
    }));
  const clientPath = (id: string, rest = '') => `clients/${encodeURIComponent(id)}${rest}`;

  return {
    me: (signal?: AbortSignal) => call('me', User, { signal }),
    practiceAreas: () => call('practice-areas', PracticeAreaList),
    searchClients: (query: string) => call('clients', ClientList, { query: { query }, maxBytes: 2 * MiB }),
    resolve: (record: ExternalRecord, signal?: AbortSignal) =>
      call('resolve', ResolveResult, {
        signal,
        query: { system: record.system, kind: record.kind, externalId: record.externalId, tenant: record.tenant ?? undefined },
      }),
    createMapping: (clientId: string, record: ExternalRecord) =>
      call('mappings', Client, { method: 'POST', body: { clientId, record } }),
    context: (clientId: string, etag: string | null, signal?: AbortSignal) =>
      call(clientPath(clientId, '/context'), ClientContext, { etag, signal, maxBytes: 8 * MiB }),
    postNeed: (clientId: string, need: NewNeed, idempotencyKey: string) =>
      call(clientPath(clientId, '/needs'), Need, { method: 'POST', body: need, headers: { 'Idempotency-Key': idempotencyKey } }),
    // `seenVersion`: the flag's version the user saw (If-Match), so a late write cannot overwrite a
    // newer change by someone else (412). Null or absent: there was no flag, no If-Match is needed.
    setFlag: (clientId: string, flag: CandidateFlagInput, idempotencyKey: string, seenVersion?: string | null) =>
      call(clientPath(clientId, '/candidate-flag'), CandidateFlag, { method: 'PUT', body: flag, headers: flagWriteHeaders(idempotencyKey, seenVersion) }),
    clearFlag: (clientId: string, idempotencyKey: string, seenVersion?: string | null) =>
      call(clientPath(clientId, '/candidate-flag'), null, { method: 'DELETE', headers: flagWriteHeaders(idempotencyKey, seenVersion) }),
    // Triage and the programme's rhythm: If-Match carries the version the user saw.
    patchNeed: (clientId: string, needId: string, patch: NeedPatch, seenVersion: string) =>
      call(clientPath(clientId, `/needs/${encodeURIComponent(needId)}`), Need, { method: 'PATCH', body: patch, headers: { 'If-Match': `"${seenVersion}"` } }),
    createCheckIn: (secondmentId: string, checkIn: NewCheckIn, idempotencyKey: string) =>
      call(`secondments/${encodeURIComponent(secondmentId)}/check-ins`, CheckIn, { method: 'POST', body: checkIn, headers: { 'Idempotency-Key': idempotencyKey } }),
    patchObjective: (secondmentId: string, objectiveId: string, status: ObjectiveStatus, seenVersion: string) =>
      call(`secondments/${encodeURIComponent(secondmentId)}/objectives/${encodeURIComponent(objectiveId)}`, Secondment, { method: 'PATCH', body: { status }, headers: { 'If-Match': `"${seenVersion}"` } }),
    changes: (since: string, limit: number) =>
      call('changes', ChangesEnvelope, { query: { since, limit: String(limit) }, maxBytes: 32 * MiB }),
  };
}
export type FirmApi = ReturnType<typeof createFirmApi>;

function flagWriteHeaders(idempotencyKey: string, seenVersion: string | null | undefined): Record<string, string> {
  return seenVersion ? { 'Idempotency-Key': idempotencyKey, 'If-Match': flagEntityTag(seenVersion) } : { 'Idempotency-Key': idempotencyKey };
}
