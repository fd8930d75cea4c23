import type { ApiError, ApiResult } from './api-error';

/**
 * Where a request's bearer token comes from when it is not a fixed API token: the firm sign-in's
 * access token, kept and refreshed in the background (lib/background/firm-sign-in.ts).
 */
export interface BearerSource {
  /** A token to send now (refreshed first when about to expire). Throws when the session has ended. */
  current(): Promise<string>;
  /** The endpoint refused `rejected` (401): a newer token, refreshed at most once for all callers. */
  renew(rejected: string): Promise<string>;
  /** Whether an error thrown by `current`/`renew` means the session has ended (sign in again). */
  ended(error: unknown): boolean;
}

/**
 * Sends with the token, and once more after a 401 with a renewed one. A session that has ended
 * answers as the endpoint would (401), so every caller's existing path applies: the outbox holds
 * its writes for sign-in and the session locks. The provider unreachable reads as a network failure
 * (the writes wait and are tried again; nothing is locked).
 */
export async function sendWithBearer<T>(source: string | BearerSource, send: (token: string) => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  if (typeof source === 'string') return send(source);
  const first = await obtain(source, () => source.current());
  if (typeof first !== 'string') return first;
  const answer = await send(first);
  if (answer.ok || answer.error.kind !== 'http' || answer.error.status !== 401) return answer;
  const renewed = await obtain(source, () => source.renew(first));
  return typeof renewed === 'string' ? send(renewed) : renewed;
}

async function obtain(source: BearerSource, get: () => Promise<string>): Promise<string | { ok: false; error: ApiError }> {
  try {
    return await get();
  } catch (error) {
    if (source.ended(error)) {
      return { ok: false, error: { kind: 'http', status: 401, retryAfterMs: null, problem: { type: 'about:blank', status: 401, title: 'Your sign-in with the firm has ended. Sign in again.' } } };
    }
    return { ok: false, error: { kind: 'network', message: `The firm's sign-in service cannot be reached: ${error instanceof Error ? error.message : String(error)}` } };
  }
}
