import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { ChangesPage, Problem, PROBLEM_CONTENT_TYPE } from '../../lib/contract';
import { DEMO_TOKENS } from '../../server/demo/demo-ids';
import { startServer, type RunningServer, type StartServerOptions } from '../../server/start-server';
import { FirmStore } from '../../server/store/firm-store';
import { type PostgresCluster, startPostgresCluster } from '../support/postgres-cluster';

/**
 * Which database this test file runs on. Every server suite runs on SQLite as itself, and on
 * PostgreSQL through its copy in test/server/postgres/, which calls `runOnPostgres()` first: a
 * throwaway cluster is started for the file and every database location below is on it.
 */
let cluster: PostgresCluster | null = null;
let onPostgres = false;

export async function runOnPostgres(): Promise<void> {
  onPostgres = true;
  // Up before the suite is even collected: suites name their databases at the top of a describe.
  cluster = await startPostgresCluster(); // throws with the apt-get command when PostgreSQL is missing
  afterAll(async () => {
    await cluster?.stop();
  });
}

export function testDialect(): 'sqlite' | 'postgres' {
  return onPostgres ? 'postgres' : 'sqlite';
}

/** A fresh empty database on the file's cluster. */
function newPostgresDatabase(): string {
  if (!cluster) throw new Error('The PostgreSQL cluster is not up yet: ask for databases inside tests or hooks.');
  return cluster.createDatabase('t');
}

/** On PostgreSQL, ':memory:' (a fresh private database) is a new database on the cluster. */
function located(dbPath: string): string {
  return onPostgres && dbPath === ':memory:' ? newPostgresDatabase() : dbPath;
}

/**
 * Where one test file keeps its databases: SQLite files in a fresh temp folder, or (on PostgreSQL)
 * fresh databases on the cluster; `file()` names a new one either way.
 */
export function tempDir(): { dir: string; file: (name?: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lens-server-test-'));
  let n = 0;
  return {
    dir,
    file: (name) => (onPostgres ? newPostgresDatabase() : join(dir, name ?? `db-${++n}.sqlite`)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Real HTTP on loopback, port 0, against a SQLite file or PostgreSQL database; the demo firm unless `seed: false`. */
export function start(dbPath: string, opts: Omit<StartServerOptions, 'dbPath' | 'port'> = {}): Promise<RunningServer> {
  return startServer({ port: 0, dbPath: located(dbPath), seed: true, ...opts });
}

/** The store on its own (no HTTP), opened and migrated. */
export function openStore(dbPath: string): Promise<FirmStore> {
  return FirmStore.open(located(dbPath));
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
export async function ifMatchFlag(server: RunningServer, clientId: string): Promise<Record<string, string>> {
  const version = (await server.store.getFlag(clientId))?.version;
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

/** Every item of an async iterable (Array.fromAsync arrives only in Node 22). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Every change of a whole feed from 0 as `api`'s user is sent it, 5,000 a page, each page checked against the contract. */
export async function wholeFeed(api: Api): Promise<ChangesPage['changes']> {
  const all: ChangesPage['changes'] = [];
  for (let cursor = '0', i = 0; i < 100; i++) {
    const page = await ok(await api.get(`/v1/changes?since=${cursor}&limit=5000`), ChangesPage);
    all.push(...page.changes);
    cursor = page.nextCursor;
    if (!page.hasMore) return all;
  }
  throw new Error('the feed did not end');
}
