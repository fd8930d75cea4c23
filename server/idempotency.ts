import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { IDEMPOTENCY_KEY_MAX } from '../lib/contract/api-routes';
import { PROBLEM_TYPES, ProblemError } from './problem';
import type { FirmStore } from './store/firm-store';

/** A `processing` claim older than this is taken to be abandoned (its server died mid-request). */
export const IDEMPOTENCY_LEASE_MS = 60_000;
/**
 * How long finished keys are kept (the draft leaves expiry to the server). The extension keeps an
 * unsent write no longer than this, so a retry always finds its first answer.
 */
export const IDEMPOTENCY_RETENTION_MS = 30 * 24 * 3600_000;
/** How often expired keys are pruned while the server runs. */
export const IDEMPOTENCY_PRUNE_INTERVAL_MS = 3600_000;

/** The `Idempotency-Key` header when it is sent (writes where it is optional); validated as below. */
export function optionalIdempotencyKey(c: Context): string | null {
  const raw = c.req.header('idempotency-key');
  return raw === undefined ? null : requireIdempotencyKey(c);
}

/** The `Idempotency-Key` header: required, 1–255 characters of visible ASCII. */
export function requireIdempotencyKey(c: Context): string {
  const raw = c.req.header('idempotency-key');
  if (raw === undefined || raw.trim() === '') {
    throw new ProblemError(400, 'This request needs an Idempotency-Key header (a fresh UUID per need).', { type: PROBLEM_TYPES.idempotencyKeyMissing });
  }
  // The draft defines the key as a Structured Field string: tolerate the quoted form.
  const key = raw.trim().replace(/^"(.*)"$/, '$1');
  if (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX || !/^[\x20-\x7e]+$/.test(key)) {
    throw new ProblemError(400, `The Idempotency-Key must be 1–${IDEMPOTENCY_KEY_MAX} visible ASCII characters.`, {
      type: PROBLEM_TYPES.idempotencyKeyMissing, errors: [{ path: 'Idempotency-Key', message: `1–${IDEMPOTENCY_KEY_MAX} visible ASCII characters.` }],
    });
  }
  return key;
}

/** Stable JSON (sorted keys) so that the same payload always has the same fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function fingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${canonical(body)}`).digest('hex');
}

type Outcome = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * Runs a write at most once per (user, key): claim the key (a committed unique insert, so a
 * concurrent request on any instance sharing the database sees it) — a key already answered replays that answer before anything
 * else is checked — then `validate` (access, references; a refusal releases the key), optionally
 * wait (test hook), then write the record and the stored answer in ONE transaction, so a crash
 * leaves either both or neither.
 */
export async function runIdempotent(
  store: FirmStore,
  args: {
    userId: string; key: string; fingerprint: string;
    validate?: () => Promise<void> | void; onReplay?: () => void; beforeWrite?: () => Promise<void> | void;
  },
  write: () => Promise<Outcome>,
): Promise<Response> {
  const claim = await store.claimIdempotencyKey(args.userId, args.key, args.fingerprint, IDEMPOTENCY_LEASE_MS);
  switch (claim.kind) {
    case 'mismatch':
      throw new ProblemError(422, 'This Idempotency-Key was already used with a different request. Use a new key for a new need.', { type: PROBLEM_TYPES.idempotencyKeyReused });
    case 'in-flight':
      throw new ProblemError(409, 'A request with this Idempotency-Key is still being processed. Retry shortly.', {
        type: PROBLEM_TYPES.idempotencyKeyInFlight, headers: { 'Retry-After': '1' },
      });
    case 'replay':
      args.onReplay?.();
      return new Response(bodyFor(claim.status, claim.body), { status: claim.status, headers: { ...claim.headers, 'Idempotent-Replayed': 'true' } });
    case 'claimed':
      break;
  }
  try {
    await args.validate?.();
    await args.beforeWrite?.();
    const { status, text, headers } = await store.transaction(async () => {
      const out = await write();
      const text = out.body === null ? '' : JSON.stringify(out.body);
      const headers: Record<string, string> = { ...(out.body === null ? {} : { 'Content-Type': 'application/json' }), ...out.headers };
      await store.completeIdempotencyKey(args.userId, args.key, out.status, text, headers);
      return { status: out.status, text, headers };
    });
    return new Response(bodyFor(status, text), { status, headers });
  } catch (err) {
    await store.releaseIdempotencyKey(args.userId, args.key); // the request did not happen: a retry may try again
    throw err;
  }
}

/** 204 and 304 answers carry no body (the Response constructor refuses one). */
function bodyFor(status: number, text: string): string | null {
  return status === 204 || status === 304 ? null : text;
}
