import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { AuditAction, AuditEntry } from '../../lib/contract';

/** The hash that stands before the first row ever written. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditRecord = {
  userId: string | null;
  action: AuditAction;
  clientId?: string | null;
  target?: string | null;
  status: number;
  requestId?: string | null;
  /** Default: now. */
  at?: string;
};

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

  constructor(private readonly db: Database.Database) {
    this.s = {
      last: db.prepare<[], { seq: number; hash: string }>(`SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1`),
      anchor: db.prepare<[], { seq: number; hash: string }>(`SELECT seq, hash FROM audit_anchor WHERE id = 1`),
      nextSeq: db.prepare<[], number>(`SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'audit'), 0) + 1`).pluck(),
      insert: db.prepare(`INSERT INTO audit (seq, at, user_id, action, client_id, target, status, request_id, prev_hash, hash)
        VALUES (@seq, @at, @user_id, @action, @client_id, @target, @status, @request_id, @prev_hash, @hash)`),
      iterate: db.prepare<[number], AuditRow>(`SELECT * FROM audit WHERE seq > ? ORDER BY seq`),
      count: db.prepare<[], number>(`SELECT count(*) FROM audit`).pluck(),
      openGate: db.prepare(`INSERT OR IGNORE INTO audit_prune_gate (id) VALUES (1)`),
      closeGate: db.prepare(`DELETE FROM audit_prune_gate`),
      lastBefore: db.prepare<[string], AuditRow>(`SELECT * FROM audit WHERE at < ? ORDER BY seq DESC LIMIT 1`),
      pruneUpTo: db.prepare(`DELETE FROM audit WHERE seq <= ?`),
      setAnchor: db.prepare(`INSERT INTO audit_anchor (id, seq, hash) VALUES (1, @seq, @hash)
        ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`),
    };
  }

  /** Appends one row, chained to the last; in its own immediate transaction so two writers cannot fork the chain. */
  append(r: AuditRecord): AuditEntry {
    return this.db.transaction(() => {
      const prev = this.s.last.get() ?? this.s.anchor.get();
      const row = {
        seq: this.s.nextSeq.get()!,
        at: r.at ?? new Date().toISOString(),
        user_id: r.userId,
        action: r.action,
        client_id: r.clientId ?? null,
        target: r.target === undefined || r.target === null ? null : r.target.slice(0, 500),
        status: r.status,
        request_id: r.requestId ?? null,
      };
      const prev_hash = prev?.hash ?? GENESIS_HASH;
      const full: AuditRow = { ...row, prev_hash, hash: auditHash(prev_hash, row) };
      this.s.insert.run(full);
      return toAuditEntry(full);
    }).immediate();
  }

  /** Oldest first, from `since` (an instant) and after the cursor, filtered; one more than `limit` tells of more. */
  query(f: AuditFilter): AuditRow[] {
    const where: string[] = ['seq > @afterSeq'];
    if (f.clientId) where.push('client_id = @clientId');
    if (f.userId) where.push('user_id = @userId');
    if (f.action) where.push('action = @action');
    if (f.since) where.push('at >= @since');
    // Only fixed fragments are joined; every value is a bound parameter.
    return this.db.prepare<Record<string, unknown>, AuditRow>(`SELECT * FROM audit WHERE ${where.join(' AND ')} ORDER BY seq LIMIT @limit`)
      .all({ afterSeq: f.afterSeq ?? 0, clientId: f.clientId, userId: f.userId, action: f.action, since: f.since, limit: f.limit });
  }

  /** Every row from the first (or the anchor) on, in order. */
  *rowsSince(since: string | undefined): Generator<AuditRow> {
    for (const r of this.s.iterate.iterate(0)) if (!since || r.at >= since) yield r;
  }

  /** Walks the chain from the anchor: the first row whose link or hash does not hold is reported. */
  verify(): VerifyResult {
    const anchor = this.s.anchor.get();
    let prevHash = anchor?.hash ?? GENESIS_HASH;
    let prevSeq = anchor?.seq ?? 0;
    let rows = 0;
    let firstSeq: number | null = null;
    for (const r of this.s.iterate.iterate(0)) {
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
   * row's hash becomes the anchor. Returns how many rows went.
   */
  prune(before: string): number {
    return this.db.transaction(() => {
      const last = this.s.lastBefore.get(before);
      if (!last) return 0;
      this.s.openGate.run();
      try {
        this.s.setAnchor.run({ seq: last.seq, hash: last.hash });
        return this.s.pruneUpTo.run(last.seq).changes;
      } finally {
        this.s.closeGate.run();
      }
    }).immediate();
  }

  count(): number {
    return this.s.count.get() ?? 0;
  }
}
