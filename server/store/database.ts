import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect, type RawBuilder } from 'kysely';
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';

export type Dialect = 'sqlite' | 'postgres';

/** Where the data lives: a SQLite file (or ':memory:') or a PostgreSQL URL. */
export type DatabaseTarget = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

/** A `postgres://` or `postgresql://` URL is PostgreSQL; anything else is a SQLite file. */
export function databaseTarget(location: string): DatabaseTarget {
  return /^postgres(ql)?:\/\//i.test(location) ? { dialect: 'postgres', url: location } : { dialect: 'sqlite', path: location };
}

/** `LENS_DATABASE_URL=postgres://…` selects PostgreSQL; otherwise the SQLite file `LENS_DB` (default data/lens.sqlite). */
export function databaseLocationFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.LENS_DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//i.test(url)) throw new Error(`LENS_DATABASE_URL must be a postgres:// URL, not ${JSON.stringify(url.replace(/:[^:@/]*@/, ':***@'))}.`);
    return url;
  }
  return env.LENS_DB ?? 'data/lens.sqlite';
}

/**
 * Serialisation points on PostgreSQL, as transaction-level advisory locks (SQLite has one writer
 * anyway): `write` is taken by every transaction that changes the book, so change-feed numbers are
 * handed out in commit order; `audit` by every audit append, so the hash chain stays one chain.
 * Always taken in this order (write, then audit), never the other way round.
 */
const LOCKS = { write: 0x4c454e53_01, audit: 0x4c454e53_02 } as const;

export type TransactionMode = 'read' | 'write' | 'audit';
type Params = Record<string, unknown> | unknown[] | undefined;
type Executor = Kysely<any>;

/** int8 (count(*), bigint seq) and numeric as JS numbers: every value here is far below 2^53. */
const PG_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 1700 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/**
 * One query layer over both databases: kysely runs every statement (placeholders, connections,
 * transactions) on better-sqlite3 or on a pg pool. Statements are written once in SQL both accept,
 * with `@name` or `?` parameters; a transaction is carried by async context, so any statement run
 * inside `transaction()` uses its connection, and nested calls join the outer transaction.
 */
export class SqlDatabase {
  readonly dialect: Dialect;
  readonly kysely: Kysely<any>;
  /** The better-sqlite3 handle (SQLite only): its migrations run on it directly, as they always have. */
  readonly sqlite: Database.Database | null;
  private readonly current = new AsyncLocalStorage<{ conn: Executor; mode: TransactionMode }>();
  private closed = false;

  private constructor(target: DatabaseTarget) {
    this.dialect = target.dialect;
    if (target.dialect === 'sqlite') {
      if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
      const db = new Database(target.path);
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
      this.sqlite = db;
      this.kysely = new Kysely({ dialect: new SqliteDialect({ database: db }) });
    } else {
      this.sqlite = null;
      const pool = new pg.Pool({ connectionString: target.url, max: 10, types: PG_TYPES });
      pool.on('error', (err) => console.error('PostgreSQL connection error (the pool replaces it):', err.message));
      this.kysely = new Kysely({ dialect: new PostgresDialect({ pool }) });
    }
  }

  static open(location: string | DatabaseTarget): SqlDatabase {
    return new SqlDatabase(typeof location === 'string' ? databaseTarget(location) : location);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.kysely.destroy();
  }

  /** The connection of the transaction in progress, or the pool. */
  private get executor(): Executor {
    return this.current.getStore()?.conn ?? this.kysely;
  }

  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  async all<R>(text: string, params?: Params): Promise<R[]> {
    return (await bind(text, params).execute(this.executor)).rows as R[];
  }
  async get<R>(text: string, params?: Params): Promise<R | undefined> {
    return (await this.all<R>(text, params))[0];
  }
  /** The first column of the first row. */
  async value<V>(text: string, params?: Params): Promise<V | undefined> {
    const row = await this.get<Record<string, V>>(text, params);
    return row ? Object.values(row)[0] : undefined;
  }
  /** The first column of every row. */
  async column<V>(text: string, params?: Params): Promise<V[]> {
    return (await this.all<Record<string, V>>(text, params)).map((r) => Object.values(r)[0]!);
  }
  /** Runs a write; `changes` is the number of rows it touched. */
  async run(text: string, params?: Params): Promise<{ changes: number }> {
    const result = await bind(text, params).execute(this.executor);
    return { changes: Number(result.numAffectedRows ?? 0n) };
  }

  /**
   * Runs `fn` in one transaction on one connection. `write` (default) starts with the write lock on
   * SQLite (BEGIN IMMEDIATE: two processes on one file cannot both read then both write) and on
   * PostgreSQL (the advisory lock above); `audit` is a write that takes only the audit lock (its
   * caller does); `read` is one consistent snapshot. Nested calls join the outer transaction.
   */
  async transaction<T>(fn: () => Promise<T>, mode: TransactionMode = 'write'): Promise<T> {
    const outer = this.current.getStore();
    if (outer) {
      if (mode !== 'read' && outer.mode === 'read') throw new Error('A write cannot join a read-only transaction.');
      return fn();
    }
    return this.kysely.connection().execute(async (conn) => {
      const begin = this.dialect === 'sqlite'
        ? (mode === 'read' ? 'BEGIN' : 'BEGIN IMMEDIATE')
        : (mode === 'read' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
      await sql.raw(begin).execute(conn);
      try {
        const result = await this.current.run({ conn, mode }, async () => {
          if (mode === 'write') await this.lock('write');
          return fn();
        });
        await sql.raw('COMMIT').execute(conn);
        return result;
      } catch (err) {
        await sql.raw('ROLLBACK').execute(conn).catch(() => undefined);
        throw err;
      }
    });
  }

  /** Takes a serialisation point until the transaction in progress ends (PostgreSQL; a no-op on SQLite). */
  async lock(name: keyof typeof LOCKS): Promise<void> {
    if (this.dialect !== 'postgres') return;
    if (!this.inTransaction) throw new Error(`The ${name} lock is only taken inside a transaction.`);
    await sql`SELECT pg_advisory_xact_lock(${LOCKS[name]})`.execute(this.executor);
  }
}

/**
 * Binds `@name` and `?` parameters as values (never spliced into the text). An array value
 * expands to a comma-separated list, for `IN (@ids)`; undefined is NULL.
 */
function bind(text: string, params: Params): RawBuilder<unknown> {
  // String literals are split out whole, so that an @ or ? inside one stays text.
  const parts = text.split(/('(?:[^']|'')*'|@[A-Za-z_]\w*|\?)/);
  const pieces: RawBuilder<unknown>[] = [];
  let positional = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 0 || part.startsWith("'")) {
      if (part) pieces.push(sql.raw(part));
      continue;
    }
    let value: unknown;
    if (part === '?') {
      if (!Array.isArray(params)) throw new Error(`positional parameter in a statement given named values: ${text.slice(0, 80)}`);
      value = params[positional++];
    } else {
      if (!params || Array.isArray(params)) throw new Error(`named parameter ${part} without values: ${text.slice(0, 80)}`);
      value = (params as Record<string, unknown>)[part.slice(1)];
    }
    if (Array.isArray(value)) pieces.push(value.length ? sql.join(value.map((v) => sql.val(v ?? null))) : sql.raw('NULL'));
    else pieces.push(sql.val(value === undefined ? null : typeof value === 'boolean' ? Number(value) : value));
  }
  return sql.join(pieces, sql.raw(''));
}

/** A statement written once and run many times, the way better-sqlite3's prepared statements read. */
export type Statement<R> = {
  all(...args: unknown[]): Promise<R[]>;
  get(...args: unknown[]): Promise<R | undefined>;
  run(...args: unknown[]): Promise<{ changes: number }>;
};

/** One named object for `@name` parameters, else the arguments in order for `?`. */
function argsToParams(args: unknown[]): Params {
  const [first] = args;
  return args.length === 1 && first !== null && typeof first === 'object' && !Array.isArray(first) ? (first as Record<string, unknown>) : args;
}

export function statement<R>(db: SqlDatabase, text: string): Statement<R> {
  return {
    all: (...args) => db.all<R>(text, argsToParams(args)),
    get: (...args) => db.get<R>(text, argsToParams(args)),
    run: (...args) => db.run(text, argsToParams(args)),
  };
}

/** A statement whose rows are reduced to their first column. */
export function pluck<V>(db: SqlDatabase, text: string): Statement<V> {
  return {
    all: (...args) => db.column<V>(text, argsToParams(args)),
    get: (...args) => db.value<V>(text, argsToParams(args)),
    run: (...args) => db.run(text, argsToParams(args)),
  };
}
