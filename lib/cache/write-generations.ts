import type { LensDb } from './lens-db';

/**
 * Which of the cache may have changed since a moment, so that a read kept in memory (first-look.ts)
 * is reused only while IndexedDB still holds what it read. Every readwrite transaction opened on
 * the database counts against everything, unless it was opened inside `writingOnlyClient(id, …)`,
 * which makes it count against that one client. Unscoped is the default: a write nobody annotated
 * can make a kept read miss, never serve a stale one.
 *
 * Counting at a transaction's creation is enough: IndexedDB runs transactions whose stores overlap
 * in the order they were created, so a read begun before a write never sees it, and one begun after
 * always does.
 *
 * Only writes through this connection are counted: the background is the one place that opens a
 * partition (active-session.ts). Anything else that writes one (a test reaching into IndexedDB)
 * must also stop the worker, or what is kept in memory will not know.
 */
interface Counters {
  /** Every readwrite transaction, scoped or not. */
  all: number;
  /** Unscoped readwrite transactions. */
  everything: number;
  /** Scoped ones, per client. */
  clients: Map<string, number>;
  /** Told of each unscoped one as it is opened. */
  listeners: Set<() => void>;
}

const counters = new WeakMap<LensDb, Counters>();
/** The client the readwrite transactions opened right now write to (see writingOnlyClient). */
let scope: string | null = null;

/** The database, counting its readwrite transactions. Every other use passes through unchanged. */
export function countingWrites(db: LensDb): LensDb {
  const own: Counters = { all: 0, everything: 0, clients: new Map(), listeners: new Set() };
  const counted = new Proxy(db, {
    get(target, prop) {
      if (prop === 'transaction') {
        return (stores: never, mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
          if (mode === 'readwrite') {
            own.all++;
            if (scope === null) {
              own.everything++;
              for (const listener of own.listeners) listener();
            } else own.clients.set(scope, (own.clients.get(scope) ?? 0) + 1);
          }
          return target.transaction(stores, mode as never, options);
        };
      }
      const value = Reflect.get(target, prop) as unknown;
      if (typeof value !== 'function') return value;
      // idb's shortcut methods (get, put, …) open their transaction through `this.transaction`:
      // called on the proxy, so that it is counted. The native ones need the database itself.
      return typeof prop === 'string' && prop in IDBDatabase.prototype ? value.bind(target) : value;
    },
  });
  counters.set(counted, own);
  return counted;
}

/**
 * Runs `open` (which opens its readwrite transactions synchronously, before any await) with those
 * transactions counted against `clientId` alone. For writes that touch nothing of any other client.
 */
export function writingOnlyClient<T>(clientId: string, open: () => T): T {
  const outer = scope;
  scope = clientId;
  try {
    return open();
  } finally {
    scope = outer;
  }
}

/**
 * Calls `listener` as each unscoped readwrite transaction is opened: what was kept of the cache is
 * dropped at once (a purge must not leave a client's data in memory either), not at its next use.
 */
export function onUnscopedWrite(db: LensDb, listener: () => void): void {
  counters.get(db)?.listeners.add(listener);
}

/** A moment in the database's writes, taken when a read's transaction is opened. */
export interface WriteMark {
  all: number;
  everything: number;
}

/** What a kept read depends on: the moment it was read, and the client its data is of. */
export interface KeptRead {
  everything: number;
  clientId: string;
  client: number;
}

export function markWrites(db: LensDb): WriteMark | null {
  const own = counters.get(db);
  return own ? { all: own.all, everything: own.everything } : null;
}

/**
 * After the read begun at `mark` completed: what it depends on, or null when any write was opened
 * meanwhile (the read may or may not include it: not worth keeping).
 */
export function keepRead(db: LensDb, mark: WriteMark | null, clientId: string): KeptRead | null {
  const own = counters.get(db);
  if (!own || !mark || own.all !== mark.all) return null;
  return { everything: own.everything, clientId, client: own.clients.get(clientId) ?? 0 };
}

/** Nothing the kept read depends on has been written since. */
export function stillCurrent(db: LensDb, kept: KeptRead): boolean {
  const own = counters.get(db);
  return !!own && own.everything === kept.everything && (own.clients.get(kept.clientId) ?? 0) === kept.client;
}
