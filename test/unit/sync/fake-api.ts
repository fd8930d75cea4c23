import type { ApiResult } from '@/lib/endpoint/api-error';
import type { FirmApi } from '@/lib/endpoint/firm-api';

/** Scripted answers for the endpoint methods a test uses; every call is recorded. */
export function scriptedApi(answers: Partial<Record<keyof FirmApi, (...args: never[]) => Promise<ApiResult<unknown>>>>) {
  const calls: { method: string; args: unknown[] }[] = [];
  const api = new Proxy({} as FirmApi, {
    get: (_, method: string) => (...args: unknown[]) => {
      calls.push({ method, args });
      const answer = (answers as Record<string, ((...a: unknown[]) => Promise<ApiResult<unknown>>) | undefined>)[method];
      if (!answer) throw new Error(`unexpected call ${method}`);
      return answer(...args);
    },
  });
  return { api, calls };
}

export const okResult = <T>(value: T, status = 200): ApiResult<T> => ({ ok: true, value, etag: null, status });
export const httpError = (status: number, extra: { retryAfterMs?: number; problem?: unknown } = {}): ApiResult<never> => ({
  ok: false,
  error: { kind: 'http', status, problem: (extra.problem ?? null) as never, retryAfterMs: extra.retryAfterMs ?? null },
});
export const networkError: ApiResult<never> = { ok: false, error: { kind: 'network', message: 'Failed to fetch' } };
