import { z } from 'zod';
import { Id, IsoDateTime } from './primitives';

/**
 * What the endpoint's audit trail records. Reads of client data, every write, every refusal behind
 * a wall and every failed sign-in; `feed.skipped` is a change the endpoint could not send because it
 * did not satisfy the contract; `admin.*` are runs of the admin command.
 */
export const AUDIT_ACTIONS = [
  'context.view', 'clients.search', 'record.resolve', 'changes.read', 'mappings.list',
  'need.create', 'need.view', 'need.update', 'need.withdraw', 'checkin.create', 'objective.update',
  'flag.set', 'flag.clear', 'mapping.create', 'mapping.delete',
  'access.refused', 'signin.failed', 'audit.read', 'feed.skipped', 'admin.command',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

/** One row of the append-only trail; `hash` chains it to the row before (`prevHash`). */
export const AuditEntry = z.object({
  /** Position in the trail: increasing, opaque. */
  id: z.string().regex(/^[1-9][0-9]{0,15}$/),
  at: IsoDateTime,
  /** Who did it; null when no user could be established (a failed sign-in). */
  userId: Id.nullable(),
  action: AuditAction,
  clientId: Id.nullable(),
  /** What inside the client: a need id, a mapping id, a search text's length, a file name… */
  target: z.string().max(500).nullable(),
  /** The HTTP status answered (or the exit status of an admin command). */
  status: z.number().int().min(0).max(599),
  requestId: z.string().max(100).nullable(),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({
  entries: z.array(AuditEntry).max(1000),
  /** Pass as `cursor` for the next page (older rows come first); absent at the end. */
  nextCursor: z.string().max(200).optional(),
  hasMore: z.boolean(),
});
export type AuditPage = z.infer<typeof AuditPage>;
