import { ProblemError, PROBLEM_TYPES } from './problem';
import type { SqlDatabase } from './store/database';

/** At most this many buckets are kept; the ones idle longest go first (they are full again anyway). */
const MAX_BUCKETS = 50_000;

type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Token buckets, one per key (a user id or a client address): `perMinute` requests a minute on
 * average, with bursts up to the same number. In memory, per instance; or, `sharedIn` a database,
 * one bucket per key for every instance on it (several instances behind a load balancer).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(readonly perMinute: number, private readonly now: () => number = Date.now, private readonly shared?: { db: SqlDatabase; scope: string }) {
    if (!Number.isFinite(perMinute) || perMinute <= 0) throw new Error('A rate limit must be a positive number of requests per minute.');
  }

  /** The same budget kept in `db`'s rate_buckets table; `scope` keeps user and address buckets apart. */
  sharedIn(db: SqlDatabase, scope: string): RateLimiter {
    return new RateLimiter(this.perMinute, this.now, { db, scope });
  }

  /**
   * One statement refills and takes, atomically on both databases: the row is locked (PostgreSQL)
   * or the file is (SQLite) while it runs, so two instances cannot both spend the last token.
   */
  private async takeShared(key: string): Promise<Taken> {
    const { db, scope } = this.shared!;
    const refill = `${db.dialect === 'postgres' ? 'LEAST' : 'MIN'}(CAST(@cap AS DOUBLE PRECISION),
      rate_buckets.tokens + (CAST(@now AS BIGINT) - rate_buckets.at_ms) * CAST(@rate AS DOUBLE PRECISION))`;
    const ratePerMs = this.perMinute / 60_000;
    const row = await db.get<{ tokens: number; ok: number }>(`INSERT INTO rate_buckets (key, tokens, at_ms, ok)
      VALUES (@key, CAST(@cap AS DOUBLE PRECISION) - 1, CAST(@now AS BIGINT), 1)
      ON CONFLICT (key) DO UPDATE SET
        tokens = CASE WHEN ${refill} >= 1 THEN ${refill} - 1 ELSE ${refill} END,
        ok = CASE WHEN ${refill} >= 1 THEN 1 ELSE 0 END,
        at_ms = CAST(@now AS BIGINT)
      RETURNING tokens, ok`, { key: `${scope}:${key}`, cap: this.perMinute, now: this.now(), rate: ratePerMs });
    if (row!.ok) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - row!.tokens) / ratePerMs / 1000)) };
  }

  /** Takes one token for `key`; when none is left, says how many seconds until one is. */
  take(key: string): Taken {
    const now = this.now();
    const ratePerMs = this.perMinute / 60_000;
    const previous = this.buckets.get(key);
    const tokens = previous ? Math.min(this.perMinute, previous.tokens + (now - previous.at) * ratePerMs) : this.perMinute;
    this.buckets.delete(key); // re-insert: the map's order is then least recently used first
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / ratePerMs / 1000)) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.buckets.size > MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value!);
    return { ok: true };
  }

  /** Throws the 429 problem when `key` is over its budget. */
  async enforce(key: string, who: string): Promise<void> {
    const r = this.shared ? await this.takeShared(key) : this.take(key);
    if (!r.ok) {
      throw new ProblemError(429, `Too many requests from ${who}. Wait ${r.retryAfterSeconds} s and try again.`, {
        type: PROBLEM_TYPES.rateLimited, headers: { 'Retry-After': String(r.retryAfterSeconds) },
      });
    }
  }
}

/** `LENS_RATE_LIMIT` (requests per minute per user, default 600); per address ten times that. */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): { user: RateLimiter; address: RateLimiter } {
  const raw = env.LENS_RATE_LIMIT ?? '600';
  const perUser = Number(raw);
  if (!Number.isInteger(perUser) || perUser <= 0) throw new Error(`LENS_RATE_LIMIT must be a whole number of requests per minute, not ${JSON.stringify(raw)}.`);
  const rawAddress = env.LENS_RATE_LIMIT_ADDRESS ?? String(perUser * 10);
  const perAddress = Number(rawAddress);
  if (!Number.isInteger(perAddress) || perAddress <= 0) throw new Error(`LENS_RATE_LIMIT_ADDRESS must be a whole number of requests per minute, not ${JSON.stringify(rawAddress)}.`);
  return { user: new RateLimiter(perUser), address: new RateLimiter(perAddress) };
}
