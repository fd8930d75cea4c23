/**
 * The firm API's routes as OpenAPI route definitions, built from the contract's zod schemas. The
 * reference server routes by these same paths and `scripts/write-openapi.ts` publishes them as
 * docs/openapi.json. Imported only by the server and scripts (it pulls in @hono/zod-openapi); the
 * extension imports the plain schemas from `./index`.
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { AuditAction, AuditPage } from './audit';
import { CandidateFlag, CandidateFlagInput } from './candidate-flag';
import { ChangesPage } from './changes';
import { Client, ClientList, MAPPINGS_PER_CLIENT_MAX, MappingList, NewMapping, ResolveResult } from './client';
import { ClientContext } from './client-context';
import { NeedPatch, NewNeed, Need, PracticeAreaList } from './need';
import { PmsSystem, RecordKind } from './pms';
import { Id, IsoDateTime } from './primitives';
import { Problem, PROBLEM_CONTENT_TYPE } from './problem';
import { CheckIn, NewCheckIn, ObjectivePatch, Secondment } from './secondment';
import { User } from './user';

export const BEARER_SCHEME = 'bearerAuth';
export const IDEMPOTENCY_KEY_MAX = 255;
export const CHANGES_LIMIT_DEFAULT = 1000;
export const CHANGES_LIMIT_MAX = 5000;
export const REQUEST_BODY_MAX_BYTES = 64 * 1024;

// ── request parameters (the server validates with these) ─────────────────
export const ClientIdParams = z.object({ id: Id });
export const ClientSearchQuery = z.object({ query: z.string().max(200).default('') });
export const ResolveQuery = z.object({
  system: PmsSystem,
  kind: RecordKind,
  externalId: z.string().min(1).max(128),
  tenant: z.string().min(1).max(253).optional(),
});
const CURSOR = /^(0|[1-9][0-9]{0,15})$/;
export const ChangesQuery = z.object({
  since: z.string().regex(CURSOR, 'a cursor from a previous page, or 0').default('0'),
  limit: z.string().regex(/^[1-9][0-9]{0,4}$/, 'a whole number').default(String(CHANGES_LIMIT_DEFAULT))
    .transform(Number).pipe(z.number().int().min(1).max(CHANGES_LIMIT_MAX)),
});
export const IdempotencyKeyHeader = z.string().min(1).max(IDEMPOTENCY_KEY_MAX);
export const AUDIT_LIMIT_DEFAULT = 200;
export const AUDIT_LIMIT_MAX = 1000;
export const AuditQuery = z.object({
  clientId: Id.optional(),
  userId: Id.optional(),
  action: AuditAction.optional(),
  since: IsoDateTime.optional(),
  cursor: z.string().regex(/^[1-9][0-9]{0,15}$/, 'a cursor from a previous page').optional(),
  limit: z.string().regex(/^[1-9][0-9]{0,3}$/, 'a whole number').default(String(AUDIT_LIMIT_DEFAULT))
    .transform(Number).pipe(z.number().int().min(1).max(AUDIT_LIMIT_MAX)),
});

// ── documentation helpers ────────────────────────────────────────────────
// zod 4 copies methods onto a schema when it is built: one built before @hono/zod-openapi loaded
// has no `.openapi`. A clone is built now, so document through clones (same definition).
const documented = <T extends z.ZodType>(schema: T): T => schema.clone() as T;
const named = <T extends z.ZodType>(name: string, schema: T) => documented(schema).openapi(name) as T;
const ProblemDoc = named('Problem', Problem);
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const problem = (description: string) => ({ description, content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemDoc } } });

const unauthorized = {
  ...problem('Missing or unknown bearer token.'),
  headers: { 'WWW-Authenticate': { schema: { type: 'string' as const }, description: 'Bearer' } },
};
const clientAccess = {
  404: problem('No such client, or a client an ethical wall keeps this user from: the two answers are the same apart from `instance`.'),
};
const rateLimited = {
  429: {
    ...problem('Too many requests from this user or network address (token bucket; `LENS_RATE_LIMIT` per user per minute on the reference endpoint).'),
    headers: { 'Retry-After': { schema: { type: 'integer' as const }, description: 'Seconds to wait.' } },
  },
};
const ifMatchHeader = z.object({
  'If-Match': z.string().max(200).optional().openapi({ description: 'The flag\'s version as seen, quoted (`"<version>"`), or `*`. Required when a flag exists.' }),
  'Idempotency-Key': documented(IdempotencyKeyHeader).optional().openapi({ description: 'Optional: a retry with the same key gets the first answer back.' }),
});
const common = { 401: unauthorized, ...rateLimited };
const flagPreconditions = {
  403: problem('Only business-development staff may set or clear flags.'),
  412: problem('The flag changed since the version in If-Match: `currentFlag` is the flag now (null if cleared).'),
  428: problem('A flag exists and If-Match is missing: `currentFlag` is the flag now.'),
};
const bodyErrors = {
  400: problem('Malformed JSON.'),
  413: problem('Body larger than 64 KiB.'),
  415: problem('Content type is not application/json.'),
  422: problem('The body does not match the schema: `errors` lists each field (unknown fields and over-long strings included).'),
};
const badQuery = { 400: problem('A query parameter is missing or invalid: `errors` lists each.') };
const security = [{ [BEARER_SCHEME]: [] }];
const clientIdParam = z.object({ id: documented(Id).openapi({ param: { name: 'id', in: 'path' }, example: 'c-northwind' }) });
const needParams = clientIdParam.extend({ needId: documented(Id).openapi({ param: { name: 'needId', in: 'path' }, example: 'n-0001' }) });
const secondmentParams = z.object({ id: documented(Id).openapi({ param: { name: 'id', in: 'path' }, example: 's-northwind-okafor' }) });

export const routes = {
  getMe: createRoute({
    method: 'get', path: '/v1/me', tags: ['session'], security, operationId: 'getMe',
    summary: 'The signed-in user',
    responses: { 200: { description: 'The user the token belongs to.', content: json(named('User', User)) }, ...common },
  }),
  listPracticeAreas: createRoute({
    method: 'get', path: '/v1/practice-areas', tags: ['reference'], security, operationId: 'listPracticeAreas',
    summary: 'Practice areas a need may be filed under',
    responses: { 200: { description: 'The firm\'s practice areas.', content: json(named('PracticeAreaList', PracticeAreaList)) }, ...common },
  }),
  searchClients: createRoute({
    method: 'get', path: '/v1/clients', tags: ['clients'], security, operationId: 'searchClients',
    summary: 'Search clients by name',
    description: 'Case-insensitive substring match on the name; at most 50; clients behind a wall for the caller are left out.',
    request: { query: ClientSearchQuery },
    responses: { 200: { description: 'Matching clients.', content: json(named('ClientList', ClientList)) }, ...badQuery, ...common },
  }),
  resolveRecord: createRoute({
    method: 'get', path: '/v1/resolve', tags: ['clients'], security, operationId: 'resolveRecord',
    summary: 'Firm clients for one PMS record',
    description: 'Zero, one or several matches. Without `tenant` any tenant matches; clients behind a wall are left out.',
    request: { query: ResolveQuery },
    responses: { 200: { description: 'The matches.', content: json(named('ResolveResult', ResolveResult)) }, ...badQuery, ...common },
  }),
  createMapping: createRoute({
    method: 'post', path: '/v1/mappings', tags: ['clients'], security, operationId: 'createMapping',
    summary: 'Link a PMS record to a client',
    description: `Records who linked it and when. At most ${MAPPINGS_PER_CLIENT_MAX} links per client. A record already linked to a client `
      + 'an ethical wall keeps the caller from cannot be linked by the caller (422, naming nothing).',
    request: { body: { required: true, content: json(named('NewMapping', NewMapping)) } },
    responses: {
      200: { description: 'The link already existed; nothing changed.', content: json(named('Client', Client)), headers: { Location: { schema: { type: 'string' as const }, description: 'The link: `/v1/mappings/{id}`.' } } },
      201: { description: 'Linked.', content: json(Client), headers: { Location: { schema: { type: 'string' as const }, description: 'The link: `/v1/mappings/{id}`.' } } },
      ...bodyErrors,
      422: problem(`The body does not match the schema; the client already has ${MAPPINGS_PER_CLIENT_MAX} links; or the record may not be linked by this user.`),
      ...common, ...clientAccess,
    },
  }),
  listMappings: createRoute({
    method: 'get', path: '/v1/clients/{id}/mappings', tags: ['clients'], security, operationId: 'listMappings',
    summary: 'The PMS records linked to a client, with who linked them',
    request: { params: clientIdParam },
    responses: { 200: { description: 'The links.', content: json(named('MappingList', MappingList)) }, ...common, ...clientAccess },
  }),
  deleteMapping: createRoute({
    method: 'delete', path: '/v1/mappings/{id}', tags: ['clients'], security, operationId: 'deleteMapping',
    summary: 'Remove a link (its creator, or Risk & Compliance)',
    request: { params: z.object({ id: documented(Id).openapi({ param: { name: 'id', in: 'path' }, example: 'm-1b2c3d' }) }) },
    responses: {
      204: { description: 'Removed.' },
      403: problem('Only the link\'s creator or Risk & Compliance may remove it.'),
      404: problem('No such link (or one on a client hidden from the caller).'),
      ...common,
    },
  }),
  getClientContext: createRoute({
    method: 'get', path: '/v1/clients/{id}/context', tags: ['clients'], security, operationId: 'getClientContext',
    summary: 'Everything the sidebar shows for a client',
    description: 'Strong `ETag` computed from the data (not from `asOf`); send it back in `If-None-Match` for a 304.',
    request: {
      params: clientIdParam,
      headers: z.object({ 'If-None-Match': z.string().max(1000).optional().openapi({ description: 'An ETag from an earlier answer.' }) }),
    },
    responses: {
      200: {
        description: 'The client\'s context.', content: json(named('ClientContext', ClientContext)),
        headers: {
          ETag: { schema: { type: 'string' as const }, description: 'Strong validator of the data.' },
          'Cache-Control': { schema: { type: 'string' as const }, description: '`private, no-cache`' },
        },
      },
      304: { description: 'Not modified since the ETag in If-None-Match.', headers: { ETag: { schema: { type: 'string' as const } } } },
      ...badQuery, ...common, ...clientAccess,
    },
  }),
  createNeed: createRoute({
    method: 'post', path: '/v1/clients/{id}/needs', tags: ['needs'], security, operationId: 'createNeed',
    summary: 'Log an unmet need (opportunity)',
    description: 'Idempotent with the `Idempotency-Key` header (IETF httpapi draft): the same key and body again replays the '
      + 'first answer (`Idempotent-Replayed: true`) and never makes a second record; keys are per user and kept across restarts.',
    request: {
      params: clientIdParam,
      headers: z.object({ 'Idempotency-Key': documented(IdempotencyKeyHeader).openapi({ description: 'A fresh unique value (a UUID) per need; the same value on every retry.', example: '5f1c7c1e-3a6f-4d8e-9b1a-0c2d3e4f5a6b' }) }),
      body: { required: true, content: json(named('NewNeed', NewNeed)) },
    },
    responses: {
      201: {
        description: 'Logged (or the replay of the first answer to this key).', content: json(named('Need', Need)),
        headers: { 'Idempotent-Replayed': { schema: { type: 'string' as const, enum: ['true'] }, description: 'Present on a replay.' } },
      },
      ...bodyErrors,
      400: problem('Malformed JSON, or the Idempotency-Key header is missing or too long.'),
      409: problem('A request with this Idempotency-Key is still being processed.'),
      422: problem('Body does not match the schema, practiceArea is not one of /v1/practice-areas, or the Idempotency-Key was used with a different body.'),
      ...common, ...clientAccess,
    },
  }),
  getNeed: createRoute({
    method: 'get', path: '/v1/clients/{id}/needs/{needId}', tags: ['needs'], security, operationId: 'getNeed',
    summary: 'One need, with its version',
    description: 'A confidential need is shown in full to its author, BD and Risk; to others `redacted: true`, a fixed title, no detail and `askContact`.',
    request: { params: needParams },
    responses: {
      200: { description: 'The need.', content: json(Need), headers: { ETag: { schema: { type: 'string' as const }, description: 'Its version, quoted: send it in If-Match.' } } },
      404: problem('No such need at this client (or the client is hidden from the caller).'),
      ...common,
    },
  }),
  patchNeed: createRoute({
    method: 'patch', path: '/v1/clients/{id}/needs/{needId}', tags: ['needs'], security, operationId: 'patchNeed',
    summary: 'Triage a need: status, owner, matter (BD only)',
    description: 'JSON merge of `status`, `owner` (`{ "userId": … }` of an active lawyer or BD user, or null) and `matter` (a PMS record, only for a won need). '
      + '`If-Match` with the need\'s version is required.',
    request: { params: needParams, headers: z.object({ 'If-Match': z.string().max(200).openapi({ description: 'The need\'s version as seen, quoted, or `*`.' }) }), body: { required: true, content: json(named('NeedPatch', NeedPatch)) } },
    responses: {
      200: { description: 'The need as it is now.', content: json(Need), headers: { ETag: { schema: { type: 'string' as const } } } },
      ...bodyErrors,
      403: problem('Only business-development staff may triage needs.'),
      404: problem('No such need at this client (or the client is hidden from the caller).'),
      412: problem('The need changed since the version in If-Match.'),
      428: problem('If-Match is missing.'),
      ...common,
    },
  }),
  withdrawNeed: createRoute({
    method: 'delete', path: '/v1/clients/{id}/needs/{needId}', tags: ['needs'], security, operationId: 'withdrawNeed',
    summary: 'Withdraw a need (its author, while it is new)',
    request: { params: needParams, headers: z.object({ 'If-Match': z.string().max(200).openapi({ description: 'The need\'s version as seen, quoted.' }) }) },
    responses: {
      204: { description: 'Withdrawn: the feed carries need.delete.' },
      403: problem('Only whoever logged the need may withdraw it.'),
      404: problem('No such need at this client.'),
      409: problem('The need is no longer new.'),
      412: problem('The need changed since the version in If-Match.'),
      428: problem('If-Match is missing.'),
      ...common,
    },
  }),
  createCheckIn: createRoute({
    method: 'post', path: '/v1/secondments/{id}/check-ins', tags: ['programme'], security, operationId: 'createCheckIn',
    summary: 'Record a check-in (the secondee, their firm mentor, or BD)',
    description: 'Exactly once per `Idempotency-Key`. The secondment\'s `checkIns.last` becomes the latest date and `nextDue` a month later while it runs.',
    request: {
      params: secondmentParams,
      headers: z.object({ 'Idempotency-Key': documented(IdempotencyKeyHeader).openapi({ description: 'A fresh unique value per check-in; the same on every retry.' }) }),
      body: { required: true, content: json(named('NewCheckIn', NewCheckIn)) },
    },
    responses: {
      201: { description: 'Recorded (or the replay of the first answer to this key).', content: json(named('CheckIn', CheckIn)) },
      ...bodyErrors,
      403: problem('Only the secondee, their firm mentor or BD may record a check-in.'),
      404: problem('No such secondment (or its client is hidden from the caller).'),
      409: problem('A request with this Idempotency-Key is still being processed.'),
      ...common,
    },
  }),
  patchObjective: createRoute({
    method: 'patch', path: '/v1/secondments/{id}/objectives/{objectiveId}', tags: ['programme'], security, operationId: 'patchObjective',
    summary: 'Change an objective\'s status (the secondee, their firm mentor, or BD)',
    request: {
      params: secondmentParams.extend({ objectiveId: documented(Id).openapi({ param: { name: 'objectiveId', in: 'path' }, example: 's-northwind-okafor-o1' }) }),
      headers: z.object({ 'If-Match': z.string().max(200).openapi({ description: 'The secondment\'s version as seen, quoted.' }) }),
      body: { required: true, content: json(named('ObjectivePatch', ObjectivePatch)) },
    },
    responses: {
      200: { description: 'The secondment as it is now.', content: json(named('Secondment', Secondment)), headers: { ETag: { schema: { type: 'string' as const } } } },
      ...bodyErrors,
      403: problem('Only the secondee, their firm mentor or BD may change an objective.'),
      404: problem('No such secondment or objective.'),
      412: problem('The secondment changed since the version in If-Match.'),
      428: problem('If-Match is missing.'),
      ...common,
    },
  }),
  putCandidateFlag: createRoute({
    method: 'put', path: '/v1/clients/{id}/candidate-flag', tags: ['candidate flags'], security, operationId: 'putCandidateFlag',
    summary: 'Flag a client as a secondment candidate (BD only)',
    description: 'Versioned: when a flag exists, send its version in `If-Match` (428 without, 412 when it changed meanwhile).',
    request: { params: clientIdParam, headers: ifMatchHeader, body: { required: true, content: json(named('CandidateFlagInput', CandidateFlagInput)) } },
    responses: {
      200: {
        description: 'The flag as stored, with its new version.', content: json(named('CandidateFlag', CandidateFlag)),
        headers: { ETag: { schema: { type: 'string' as const }, description: 'The new version, quoted.' } },
      },
      ...bodyErrors, ...flagPreconditions, ...common, ...clientAccess,
    },
  }),
  deleteCandidateFlag: createRoute({
    method: 'delete', path: '/v1/clients/{id}/candidate-flag', tags: ['candidate flags'], security, operationId: 'deleteCandidateFlag',
    summary: 'Clear a candidate flag (BD only)',
    description: 'When a flag exists, send its version in `If-Match` (428 without, 412 when it changed meanwhile). Clearing a flag that is already gone succeeds.',
    request: { params: clientIdParam, headers: ifMatchHeader },
    responses: { 204: { description: 'Cleared (or there was none).' }, ...flagPreconditions, ...common, ...clientAccess },
  }),
  getAudit: createRoute({
    method: 'get', path: '/v1/audit', tags: ['audit'], security, operationId: 'getAudit',
    summary: 'The audit trail (Risk & Compliance only)',
    description: 'Who viewed, searched, resolved, synced, logged, flagged or linked what; refusals behind walls; failed sign-ins. '
      + 'Oldest first; each entry chains to the one before by `prevHash` → `hash`. Page with `cursor` while `hasMore`.',
    request: { query: AuditQuery },
    responses: {
      200: { description: 'One page of the trail.', content: json(named('AuditPage', AuditPage)) },
      403: problem('Only Risk & Compliance may read the audit trail.'),
      ...badQuery, ...common,
    },
  }),
  getChanges: createRoute({
    method: 'get', path: '/v1/changes', tags: ['sync'], security, operationId: 'getChanges',
    summary: 'Delta feed for the caller',
    description: 'Upserts and deletes since a cursor, oldest first; walled clients never appear, walls raised later appear as `access.revoke`. '
      + 'Start with `since=0`; page while `hasMore`; keep `nextCursor` for the next poll.',
    request: { query: ChangesQuery },
    responses: { 200: { description: 'One page of changes.', content: json(named('ChangesPage', ChangesPage)) }, ...badQuery, ...common },
  }),
  getOpenApi: createRoute({
    method: 'get', path: '/v1/openapi.json', tags: ['meta'], security: [], operationId: 'getOpenApi',
    summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3.1 document.', content: { 'application/json': { schema: z.object({}).passthrough() } } }, ...rateLimited },
  }),
  healthz: createRoute({
    method: 'get', path: '/healthz', tags: ['meta'], security: [], operationId: 'healthz',
    summary: 'Liveness',
    responses: { 200: { description: 'Up.', content: json(z.object({ ok: z.literal(true) })) }, ...rateLimited },
  }),
} as const;

export const OPENAPI_INFO = {
  title: 'Secondment Lens firm API',
  version: '1.0.0',
  license: { name: 'Proprietary: licensed to the firm that runs the endpoint', identifier: 'LicenseRef-Proprietary' },
  description: 'What a firm\'s endpoint serves to the Secondment Lens browser extension. Errors are RFC 9457 problem details '
    + '(`application/problem+json`). Every route but /healthz and /v1/openapi.json needs `Authorization: Bearer <token>`.',
} as const;

/** `/v1/clients/{id}/context` → `/v1/clients/:id/context` (Hono's path syntax). */
export const honoPath = (openApiPath: string) => openApiPath.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
