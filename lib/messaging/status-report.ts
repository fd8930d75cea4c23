import { z } from 'zod';
import { User } from '../contract/user';

const epochMs = z.number().int().nonnegative();
const count = z.number().int().nonnegative();

/** How far the offline copy of the book is; the background writes it after every feed page. */
export const SyncProgress = z.object({
  state: z.enum(['running', 'done', 'error']),
  startedAt: epochMs,
  finishedAt: epochMs.nullable(),
  /** Changes applied in this run. */
  applied: count,
  pages: count,
  error: z.string().max(2_000).nullable(),
  /** Where the time went: waiting for pages, validating their changes (absent in older records), and writing them. */
  fetchMs: z.number().nonnegative(),
  validateMs: z.number().nonnegative().optional(),
  applyMs: z.number().nonnegative(),
  /** Changes of this run that failed the contract: skipped and quarantined (absent in runs before v3). */
  quarantined: count.optional(),
  /** After an error: no automatic retry before this (ms since epoch). */
  nextAttemptAt: epochMs.nullable().optional(),
});
export type SyncProgress = z.infer<typeof SyncProgress>;

/** What the options page shows about the extension's state; never the token. */
export const StatusReport = z.object({
  endpointUrl: z.string().max(500).nullable(),
  user: User.nullable(),
  /** Why there is no session (signed out, refused, locked), or null when signed in. */
  signedOut: z.string().max(200).nullable(),
  cachedClients: count,
  outbox: z.object({ pending: count, rejected: count, needsSignIn: count, delivered: count }),
  sync: SyncProgress.nullable(),
  /** Changes of the feed that failed the contract, skipped and kept for firm IT (bounded). */
  quarantined: count,
});
export type StatusReport = z.infer<typeof StatusReport>;
