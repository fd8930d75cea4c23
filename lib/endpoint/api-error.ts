import type { Problem } from '../contract/problem';

/** Why a call to the firm endpoint did not give a usable answer. */
export type ApiError =
  | { kind: 'network'; message: string }
  | { kind: 'timeout'; afterMs: number }
  | { kind: 'http'; status: number; problem: Problem | null; retryAfterMs: number | null }
  // `status`: the HTTP status when the answer was a success whose body could not be used. A write
  // answered 2xx was done by the endpoint, whatever its body (the outbox must not send it again).
  | { kind: 'invalid-response'; message: string; status?: number }
  | { kind: 'too-large'; limitBytes: number; status?: number };

export type ApiResult<T> =
  | { ok: true; value: T; etag: string | null; status: number }
  | { ok: true; notModified: true }
  | { ok: false; error: ApiError };

/**
 * A sentence a lawyer understands, and a detail line for firm IT; clipped to what the sidebar's view
 * schema accepts (an endpoint's long problem title must not make the whole view invalid).
 */
export function describeApiError(error: ApiError): { code: string; message: string; detail: string } {
  const { code, message, detail } = describe(error);
  return { code, message: clip(message, 300), detail: clip(detail, 2000) };
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function describe(error: ApiError): { code: string; message: string; detail: string } {
  switch (error.kind) {
    case 'network':
      return { code: 'offline', message: 'The firm endpoint cannot be reached.', detail: error.message };
    case 'timeout':
      return { code: 'timeout', message: 'The firm endpoint did not answer in time.', detail: `No answer after ${Math.round(error.afterMs / 1000)} s.` };
    case 'too-large':
      return { code: 'too-large', message: 'The firm endpoint sent more data than expected.', detail: `Response over ${error.limitBytes} bytes was refused.` };
    case 'invalid-response':
      return { code: 'invalid-response', message: 'The firm endpoint sent an answer Secondment Lens cannot read.', detail: error.message };
    case 'http': {
      const detail = [`HTTP ${error.status}`, error.problem?.title, error.problem?.detail].filter(Boolean).join(' — ');
      if (error.status === 401) return { code: 'unauthorised', message: 'Your sign-in was refused. Sign in again in the options.', detail };
      if (error.status === 403) return { code: 'forbidden', message: 'You do not have access to this.', detail };
      if (error.status === 404) return { code: 'not-found', message: 'The firm endpoint does not know this record.', detail };
      if (error.status === 429) return { code: 'busy', message: 'The firm endpoint is busy; trying again shortly.', detail };
      if (error.status >= 500) return { code: 'server-error', message: 'The firm endpoint has a problem right now.', detail };
      return { code: 'refused', message: error.problem?.title ?? 'The firm endpoint refused the request.', detail };
    }
  }
}

/** Whether sending the same request again later could succeed. */
export function isTransient(error: ApiError): boolean {
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return error.kind === 'http' && (error.status >= 500 || error.status === 429 || error.status === 409 || error.status === 408);
}
