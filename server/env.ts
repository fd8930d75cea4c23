import type { AuditAction } from '../lib/contract';
import type { RateLimiter } from './rate-limit';
import type { FirmStore, StoredUser } from './store/firm-store';

/**
 * What a route tells the audit trail about the request it handled (written once the answer is
 * known). `disclosed`: further clients the answer names (a resolve's matches), recorded for walls
 * (audit-log.ts).
 */
export type AuditNote = { action: AuditAction; clientId?: string | null; target?: string | null; disclosed?: readonly string[] };

/** What every route gets: the store, the signed-in user (set by auth), the request id, and the audit note. */
export type AppEnv = { Variables: { user: StoredUser; requestId: string; audit: AuditNote | undefined } };

export type AppHooks = {
  /**
   * Awaited after an Idempotency-Key is claimed and before the need is written. Lets tests hold a
   * request "in flight" to see how a concurrent retry is answered (409).
   */
  beforeNeedWrite?: (info: { userId: string; clientId: string; idempotencyKey: string }) => Promise<void> | void;
};

export type AppDeps = {
  store: FirmStore;
  hooks?: AppHooks;
  log?: boolean;
  /** Per-user and per-address request budgets; none = unlimited (unit tests of other concerns). */
  limits?: { user: RateLimiter; address: RateLimiter };
  /** Take the client address from X-Forwarded-For (only behind a proxy the firm runs). */
  trustProxy?: boolean;
  /** Checks access tokens from the firm's identity provider (none: API tokens only). */
  verifyJwt?: (token: string) => Promise<import('./oidc-verifier').OidcResult>;
};
