import type { FirmStore, StoredUser } from './store/firm-store';

/** What every route gets: the store, the signed-in user (set by auth), and test hooks. */
export type AppEnv = { Variables: { user: StoredUser } };

export type AppHooks = {
  /**
   * Awaited after an Idempotency-Key is claimed and before the need is written. Lets tests hold a
   * request "in flight" to see how a concurrent retry is answered (409).
   */
  beforeNeedWrite?: (info: { userId: string; clientId: string; idempotencyKey: string }) => Promise<void> | void;
};

export type AppDeps = { store: FirmStore; hooks?: AppHooks; log?: boolean };
