import { createHash } from 'node:crypto';
import type { AuditAction, AuditEntry } from '../../lib/contract';
import { pluck, type SqlDatabase, statement } from './database';

/** The hash that stands before the first row ever written. */
export const GENESIS_HASH = '0'.repeat(64);

/** The most rows one group commit writes (see `AuditLog.append`). */
const AUDIT_BATCH_MAX = 200;

export type AuditRecord = {
  userId: string | null;
  action: AuditAction;
  clientId?: string | null;
  target?: string | null;
  status: number;
  requestId?: string | null;
  /**
   * Further clients the answer named (a resolve's matches). With `clientId`, recorded as disclosed
   * to the user when the answer was a success; not part of the hashed row.
   */
  disclosed?: readonly string[];
  /** Default: now. */
  at?: string;
};

/**
 * How long a disclosure is kept at least, whatever the audit retention: longer than the longest
 * maximum cache age a firm can set (365 days), so a wall still reaches every cache that may hold the
 * client.
 */
export const DISCLOSURE_KEEP_MS = 366 * 24 * 3600_000;

export type AuditRow = {
  seq: number; at: string; user_id: string | null; action: string; client_id: string | null;
  target: string | null; status: number; request_id: string | null; prev_hash: string; hash: string;
};

export type AuditFilter = { clientId?: string; userId?: string; action?: string; since?: string; afterSeq?: number; limit: number };

export type VerifyResult =
  | { ok: true; rows: number; firstSeq: number | null; lastSeq: number | null }
  | { ok: false; rows: number; brokenSeq: number; reason: string };

/**
 * The hash of one row: SHA-256 over the previous row's hash and the row's fields in a fixed order,
 * each JSON-encoded so that no field can run into the next.
 */
export function auditHash(prevHash: string, r: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  const fields = [r.seq, r.at, r.user_id, r.action, r.client_id, r.target, r.status, r.request_id];
  return createHash('sha256').update(`${prevHash}\n${JSON.stringify(fields)}`).digest('hex');
}

export function toAuditEntry(r: AuditRow): AuditEntry {
  return {
    id: String(r.seq), at: r.at, userId: r.user_id, action: r.action as AuditAction, clientId: r.client_id,
    target: r.target, status: r.status, requestId: r.request_id, prevHash: r.prev_hash, hash: r.hash,
  };
}

/**
 * The endpoint's audit trail: who read or changed which client's data, and every refusal. Rows are
 * only ever appended (database triggers refuse UPDATE and DELETE); each carries the hash of the row
 * before it, so `verify` finds a row changed or removed behind the application's back. Retention
 * prunes the oldest rows through a gate the triggers know, and keeps the last pruned hash as the
 * anchor the remaining chain starts from.
 */
export class AuditLog {
  private readonly s;

  constructor(private readonly db: SqlDatabase) {
    this.s = {
      last: statement<{ seq: number; hash: string }>(db, `SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1`),
      anchor: statement<{ seq: number; hash: string }>(db, `SELECT seq, hash FROM audit_anchor WHERE id = 1`),
      // Numbers are never reused, even after the last rows are pruned or removed: SQLite keeps
      // AUTOINCREMENT's high-water mark; PostgreSQL a counter row, rolled back with its transaction.
      nextSeq: pluck<number>(db, `SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'audit'), 0) + 1`),
      /** PostgreSQL: takes `n` numbers at once; returns the last of them. */
      reserveSeqs: pluck<number>(db, `UPDATE audit_counter SET seq = seq + ? WHERE id = 1 RETURNING seq`),
      insert: statement(db, `INSERT INTO audit (seq, at, user_id, action, client_id, target, status, request_id, prev_hash, hash)
        VALUES (@seq, @at, @user_id, @action, @client_id, @target, @status, @request_id, @prev_hash, @hash)`),
      iterate: statement<AuditRow>(db, `SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT ?`),
      count: pluck<number>(db, `SELECT count(*) FROM audit`),
      openGate: statement(db, `INSERT INTO audit_prune_gate (id) VALUES (1) ON CONFLICT DO NOTHING`),
      closeGate: statement(db, `DELETE FROM audit_prune_gate`),
      lastBefore: statement<AuditRow>(db, `SELECT * FROM audit WHERE at < ? ORDER BY seq DESC LIMIT 1`),
      pruneUpTo: statement(db, `DELETE FROM audit WHERE seq <= ?`),
      // The latest time a user was answered about a client: what the change feed's revokes consult.
      disclose: statement(db, `INSERT INTO disclosures (user_id, client_id, at) VALUES (@user_id, @client_id, @at)
        ON CONFLICT (user_id, client_id) DO UPDATE SET at = excluded.at`),
      pruneDisclosures: statement(db, `DELETE FROM disclosures WHERE at < ?`),
      setAnchor: statement(db, `INSERT INTO audit_anchor (id, seq, hash) VALUES (1, @seq, @hash)
        ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`),
    };
  }

  /**
   * Appends one row, chained to the last; resolves once it is committed. Rows appended while a
   * commit is under way are written together in the next one (a group commit): a busy endpoint
   * takes the audit lock, the chain's last row and a commit once per batch rather than once per
   * request, and the lock's queue no longer holds a pool connection per waiting request. Each row
   * still carries its own hash and the time it was written; when a batch fails to commit, its rows
   * are tried one by one, so only a row the database refuses fails its request. Inside a caller's
   * transaction the row is written in that transaction, so it commits (or not) with the caller's work.
   */
  append(r: AuditRecord): Promise<AuditEntry> {
    if (this.db.inTransaction) return this.db.transaction(async () => (await this.appendAll([r]))[0]!, 'audit');
    return new Promise((resolve, reject) => {
      this.queued.push({ record: r, resolve, reject });
      this.committing ??= this.commitQueued();
    });
  }

  private readonly queued: { record: AuditRecord; resolve: (e: AuditEntry) => void; reject: (error: unknown) => void }[] = [];
  private committing: Promise<void> | null = null;

  private async commitQueued(): Promise<void> {
    while (this.queued.length > 0) {
      const batch = this.queued.splice(0, AUDIT_BATCH_MAX);
      try {
        const entries = await this.db.transaction(() => this.appendAll(batch.map((b) => b.record)), 'audit');
        batch.forEach((b, i) => b.resolve(entries[i]!));
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        // One row the database refuses must not fail the requests that shared its commit: each
        // is tried on its own.
        else for (const b of batch) await this.db.transaction(() => this.appendAll([b.record]), 'audit').then(([e]) => b.resolve(e!), b.reject);
      }
    }
    this.committing = null;
  }

  /**
   * The rows, in order, after the chain's last, in the transaction in progress (which holds the
   * audit lock once this returns, so two writers, two instances on PostgreSQL or two processes on
   * one SQLite file, cannot fork the chain).
   */
  private async appendAll(records: readonly AuditRecord[]): Promise<AuditEntry[]> {
    await this.db.lock('audit');
    const prev = (await this.s.last.get()) ?? (await this.s.anchor.get());
    let prevHash = prev?.hash ?? GENESIS_HASH;
    const firstSeq = this.db.dialect === 'sqlite'
      ? (await this.s.nextSeq.get())!
      : (await this.s.reserveSeqs.get(records.length))! - records.length + 1;
    const now = new Date().toISOString();
    const entries: AuditEntry[] = [];
    // The latest time each user was answered about each client in this batch: one upsert each.
    const disclosed = new Map<string, { user_id: string; client_id: string; at: string }>();
    for (const [i, r] of records.entries()) {
      const row = {
        seq: firstSeq + i,
        at: r.at ?? now,
        user_id: r.userId,
        action: r.action,
        client_id: r.clientId ?? null,
        target: r.target === undefined || r.target === null ? null : r.target.slice(0, 500),
        status: r.status,
        request_id: r.requestId ?? null,
      };
      const full: AuditRow = { ...row, prev_hash: prevHash, hash: auditHash(prevHash, row) };
      await this.s.insert.run(full);
      prevHash = full.hash;
      entries.push(toAuditEntry(full));
      if (r.userId && r.status >= 200 && r.status < 400) {
        for (const clientId of new Set([...(r.clientId ? [r.clientId] : []), ...(r.disclosed ?? [])])) {
          const key = JSON.stringify([r.userId, clientId]);
          const seen = disclosed.get(key);
          if (!seen || seen.at < row.at) disclosed.set(key, { user_id: r.userId, client_id: clientId, at: row.at });
        }
      }
    }
    for (const d of disclosed.values()) await this.s.disclose.run(d);
    return entries;
  }

  /** Oldest first, from `since` (an instant) and after the cursor, filtered; one more than `limit` tells of more. */
  query(f: AuditFilter): Promise<AuditRow[]> {
    const where: string[] = ['seq > @afterSeq'];
    if (f.clientId) where.push('client_id = @clientId');
    if (f.userId) where.push('user_id = @userId');
    if (f.action) where.push('action = @action');
    if (f.since) where.push('at >= @since');
    // Only fixed fragments are joined; every value is a bound parameter.
    return this.db.all<AuditRow>(`SELECT * FROM audit WHERE ${where.join(' AND ')} ORDER BY seq LIMIT @limit`,
      { afterSeq: f.afterSeq ?? 0, clientId: f.clientId, userId: f.userId, action: f.action, since: f.since, limit: f.limit });
  }

  /** Every row from the first (or the anchor) on, in order, read in pages. */
  async *rowsSince(since: string | undefined): AsyncGenerator<AuditRow> {
    for await (const r of this.pages()) if (!since || r.at >= since) yield r;
  }

  private async *pages(): AsyncGenerator<AuditRow> {
    let after = 0;
    for (;;) {
      const page = await this.s.iterate.all(after, 1000);
      yield* page;
      if (page.length < 1000) return;
      after = page[page.length - 1]!.seq;
    }
  }

  /** Walks the chain from the anchor: the first row whose link or hash does not hold is reported. */
  async verify(): Promise<VerifyResult> {
    const anchor = await this.s.anchor.get();
    let prevHash = anchor?.hash ?? GENESIS_HASH;
    let prevSeq = anchor?.seq ?? 0;
    let rows = 0;
    let firstSeq: number | null = null;
    for await (const r of this.pages()) {
      rows++;
      firstSeq ??= r.seq;
      if (r.seq <= prevSeq) return { ok: false, rows, brokenSeq: r.seq, reason: 'out of order' };
      if (r.prev_hash !== prevHash) {
        return { ok: false, rows, brokenSeq: r.seq, reason: r.seq === prevSeq + 1 ? 'its link to the row before does not match (that row was changed)' : `rows ${prevSeq + 1}–${r.seq - 1} are missing` };
      }
      const { prev_hash: _p, hash, ...fields } = r;
      if (auditHash(prevHash, fields) !== hash) return { ok: false, rows, brokenSeq: r.seq, reason: 'its content does not match its hash (the row was changed)' };
      prevHash = hash;
      prevSeq = r.seq;
    }
    return { ok: true, rows, firstSeq, lastSeq: rows ? prevSeq : null };
  }

  /**
   * Deletes rows older than `before` (an instant), keeping the chain verifiable: the last deleted
   * row's hash becomes the anchor. Returns how many rows went. Disclosures go with them once older
   * than both `before` and `DISCLOSURE_KEEP_MS`.
   */
  prune(before: string, now = Date.now()): Promise<number> {
    return this.db.transaction(async () => {
      await this.db.lock('audit');
      const keepFrom = new Date(now - DISCLOSURE_KEEP_MS).toISOString();
      await this.s.pruneDisclosures.run(before < keepFrom ? before : keepFrom);
      const last = await this.s.lastBefore.get(before);
      if (!last) return 0;
      await this.s.openGate.run();
      try {
        await this.s.setAnchor.run({ seq: last.seq, hash: last.hash });
        return (await this.s.pruneUpTo.run(last.seq)).changes;
      } finally {
        await this.s.closeGate.run();
      }
    }, 'audit');
  }

  async count(): Promise<number> {
    return (await this.s.count.get()) ?? 0;
  }
}
