import type { z } from 'zod';
import { Problem } from '../contract/problem';
import type { ApiResult } from './api-error';

export interface RequestOptions<S extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  token: string;
  /** Schema of a 2xx body; `null` when the answer has none (204). */
  schema: S | null;
  body?: unknown;
  headers?: Record<string, string>;
  etag?: string | null;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/**
 * One call to the firm endpoint. Never throws: a network failure, time-out, oversized or malformed
 * body, a body that fails the contract, and every non-2xx status come back as an ApiError.
 */
export async function requestJson<S extends z.ZodType>(options: RequestOptions<S>): Promise<ApiResult<z.infer<S>>> {
  const { timeoutMs, maxBytes } = options;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signals = options.signal ? [timeout.signal, options.signal] : [timeout.signal];
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${options.token}`, ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.etag) headers['If-None-Match'] = options.etag;
  try {
    const response = await (options.fetch ?? fetch)(options.url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.any(signals),
      cache: 'no-store', // the IndexedDB cache and ETags decide freshness, not the HTTP cache
      credentials: 'omit',
      redirect: 'error',
    });
    if (response.status === 304) return { ok: true, notModified: true };
    const text = await readCapped(response, maxBytes);
    if (text === null) return { ok: false, error: { kind: 'too-large', limitBytes: maxBytes, status: response.status } };
    if (!response.ok) {
      return { ok: false, error: { kind: 'http', status: response.status, problem: parseProblem(text), retryAfterMs: retryAfter(response.headers.get('Retry-After')) } };
    }
    const etag = response.headers.get('ETag');
    if (options.schema === null) return { ok: true, value: undefined as z.infer<S>, etag, status: response.status };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, error: { kind: 'invalid-response', message: 'The body is not valid JSON.', status: response.status } };
    }
    const parsed = options.schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return { ok: false, error: { kind: 'invalid-response', message: `Does not match the contract at ${first?.path.join('.') || '(root)'}: ${first?.message}`, status: response.status } };
    }
    return { ok: true, value: parsed.data, etag, status: response.status };
  } catch (error) {
    if (timeout.signal.aborted) return { ok: false, error: { kind: 'timeout', afterMs: timeoutMs } };
    if (options.signal?.aborted) return { ok: false, error: { kind: 'network', message: 'Cancelled.' } };
    return { ok: false, error: { kind: 'network', message: error instanceof Error ? error.message : String(error) } };
  } finally {
    clearTimeout(timer);
  }
}

/** Reads the body as text, giving up (null) once it passes `maxBytes`, so a huge answer cannot exhaust memory. */
async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(joined);
}

function parseProblem(text: string): Problem | null {
  try {
    const parsed = Problem.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** `Retry-After` as delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
