import type { Context } from 'hono';
import { type CandidateFlag, Problem, PROBLEM_CONTENT_TYPE } from '../lib/contract';
import type { ZodError } from 'zod';

export type FieldError = { path: string; message: string };

/** Standard reason phrases: with `type: about:blank` RFC 9457 asks the title to be the status phrase. */
const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 412: 'Precondition Failed', 413: 'Content Too Large', 415: 'Unsupported Media Type',
  422: 'Unprocessable Content', 428: 'Precondition Required', 429: 'Too Many Requests', 500: 'Internal Server Error',
};

/** Problem types for the errors a client may want to tell apart programmatically. */
export const PROBLEM_TYPES = {
  validation: 'https://secondment-lens.dev/problems/validation',
  idempotencyKeyMissing: 'https://secondment-lens.dev/problems/idempotency-key-missing',
  idempotencyKeyReused: 'https://secondment-lens.dev/problems/idempotency-key-reused',
  idempotencyKeyInFlight: 'https://secondment-lens.dev/problems/idempotency-key-in-flight',
  /** A candidate-flag write without If-Match (428) or with a stale one (412): `currentFlag` says what is there now. */
  flagChanged: 'https://secondment-lens.dev/problems/flag-changed',
  mappingLimit: 'https://secondment-lens.dev/problems/mapping-limit',
  preconditionRequired: 'https://secondment-lens.dev/problems/precondition-required',
  stale: 'https://secondment-lens.dev/problems/changed-meanwhile',
  rateLimited: 'https://secondment-lens.dev/problems/rate-limited',
} as const;

type ProblemExtra = { type?: string; errors?: FieldError[]; headers?: Record<string, string>; currentFlag?: CandidateFlag | null };

/** Thrown anywhere in a handler; `app.onError` turns it into an `application/problem+json` answer. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly detail?: string,
    readonly extra: ProblemExtra = {},
  ) {
    super(detail ?? TITLES[status] ?? 'Error');
  }
}

export function problemBody(status: number, detail?: string, extra: Omit<ProblemExtra, 'headers'> = {}, instance?: string): Problem {
  // Parse through the contract so that an over-long detail or error list can never break a client.
  return Problem.parse({
    type: extra.type ?? 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    ...(detail ? { detail: detail.slice(0, 2000) } : {}),
    ...(instance ? { instance: instance.slice(0, 500) } : {}),
    ...(extra.errors ? { errors: extra.errors.slice(0, 100).map((e) => ({ path: e.path.slice(0, 200), message: e.message.slice(0, 500) })) } : {}),
    ...(extra.currentFlag !== undefined ? { currentFlag: extra.currentFlag } : {}),
  });
}

export function problemResponse(c: Context, err: ProblemError): Response {
  const body = problemBody(err.status, err.detail, err.extra, new URL(c.req.url).pathname);
  const headers: Record<string, string> = { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store', ...err.extra.headers };
  return new Response(JSON.stringify(body), { status: err.status, headers });
}

/** zod issues → `{path, message}`; an unknown key becomes one error at that key's own path. */
export function fieldErrors(error: ZodError): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: [...base, key].join('.'), message: 'Unknown field.' });
    } else {
      out.push({ path: base.join('.'), message: issue.message });
    }
  }
  return out;
}

export function validationProblem(status: 400 | 422, error: ZodError, detail: string): ProblemError {
  return new ProblemError(status, detail, { type: PROBLEM_TYPES.validation, errors: fieldErrors(error) });
}
