import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Problem, PROBLEM_CONTENT_TYPE } from '../../lib/contract';
import { DEMO_TOKENS } from '../../server/demo/demo-ids';
import { startServer, type RunningServer, type StartServerOptions } from '../../server/start-server';

/** A fresh folder in the OS temp dir for one test file's SQLite files. */
export function tempDir(): { dir: string; file: (name?: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lens-server-test-'));
  let n = 0;
  return { dir, file: (name) => join(dir, name ?? `db-${++n}.sqlite`), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Real HTTP on loopback, port 0, against a SQLite file; the demo firm unless `seed: false`. */
export function start(dbPath: string, opts: Omit<StartServerOptions, 'dbPath' | 'port'> = {}): Promise<RunningServer> {
  return startServer({ port: 0, dbPath, seed: true, ...opts });
}

export type Api = ReturnType<typeof client>;

/** A tiny fetch wrapper signed in as one demo user. */
export function client(server: { url: string }, token: string | null = DEMO_TOKENS.partner) {
  const call = (method: string, path: string, init: { body?: unknown; raw?: string; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...init.headers };
    let body: string | undefined = init.raw;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['Content-Type'] ??= 'application/json';
    }
    return fetch(`${server.url}${path}`, { method, headers, body });
  };
  return {
    get: (path: string, headers?: Record<string, string>) => call('GET', path, { headers }),
    post: (path: string, body: unknown, headers?: Record<string, string>) => call('POST', path, { body, headers }),
    put: (path: string, body: unknown, headers?: Record<string, string>) => call('PUT', path, { body, headers }),
    delete: (path: string, headers?: Record<string, string>) => call('DELETE', path, { headers }),
    patch: (path: string, body: unknown, headers?: Record<string, string>) => call('PATCH', path, { body, headers }),
    raw: call,
  };
}

/** `If-Match` for the client's current candidate flag (the version the caller "saw"). */
export function ifMatchFlag(server: RunningServer, clientId: string): Record<string, string> {
  const version = server.store.getFlag(clientId)?.version;
  if (!version) throw new Error(`no flag on ${clientId}`);
  return { 'If-Match': `"${version}"` };
}

/** Asserts an RFC 9457 answer and returns it parsed with the contract. */
export async function problem(res: Response, status: number): Promise<Problem> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  if (!res.headers.get('content-type')?.startsWith(PROBLEM_CONTENT_TYPE)) throw new Error(`not problem+json: ${res.headers.get('content-type')}`);
  const body = Problem.parse(await res.json());
  if (body.status !== status) throw new Error(`problem status ${body.status} ≠ ${status}`);
  return body;
}

export async function ok<T>(res: Response, schema: { parse(v: unknown): T }, status = 200): Promise<T> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return schema.parse(await res.json());
}
