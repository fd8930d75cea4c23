import type { Context } from 'hono';
import type { z } from 'zod';
import { REQUEST_BODY_MAX_BYTES } from '../lib/contract/api-routes';
import { ProblemError, validationProblem } from './problem';

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]*\+)?json\s*(?:;.*)?$/i;

/**
 * Reads and validates a JSON body: 415 for another content type, 413 over 64 KiB (counted while
 * streaming, so a lying or absent Content-Length does not help), 400 for malformed JSON, 422 with
 * field errors for a schema failure.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S, limit = REQUEST_BODY_MAX_BYTES): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!JSON_TYPE.test(type)) throw new ProblemError(415, 'Send the body as application/json.');
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > limit) throw new ProblemError(413, `The body may be at most ${limit} bytes.`);

  const text = await readText(c.req.raw, limit);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ProblemError(400, 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw validationProblem(422, parsed.error, 'The body does not match the schema.');
  return parsed.data;
}

async function readText(req: Request, limit: number): Promise<string> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new ProblemError(413, `The body may be at most ${limit} bytes.`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

/** Validates the query string (unknown parameters are ignored); 400 with field errors. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const url = new URL(c.req.url);
  const raw: Record<string, string> = {};
  const dupes: string[] = [];
  for (const [k, v] of url.searchParams) {
    if (k in raw) dupes.push(k);
    raw[k] = v;
  }
  if (dupes.length) throw new ProblemError(400, 'A query parameter is repeated.', { errors: dupes.map((p) => ({ path: p, message: 'Give this parameter once.' })) });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationProblem(400, parsed.error, 'A query parameter is missing or invalid.');
  return parsed.data;
}
