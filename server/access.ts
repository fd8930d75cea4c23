import type { Context } from 'hono';
import { Id } from '../lib/contract';
import type { AppEnv, AuditNote } from './env';
import { ProblemError } from './problem';
import type { FirmStore, StoredUser } from './store/firm-store';

/** One answer for "no such client" and "a client you may not see", so that a wall confirms nothing. */
export const NO_SUCH_CLIENT = 'No client with this id.';

/** Tells the audit trail what this request is about; the status is added when the answer is known. */
export function noteAudit(c: Context<AppEnv>, action: AuditNote['action'], details: Omit<AuditNote, 'action'> = {}): void {
  c.set('audit', { action, ...details });
}

/**
 * The client a route is about, if the user may see it. A client behind an ethical wall answers
 * exactly as one that does not exist (404, same body apart from `instance`); the audit trail alone
 * records the refusal, with the client, as `access.refused`.
 */
export async function requireClientAccess(c: Context<AppEnv>, store: FirmStore, clientId: string | undefined): Promise<string> {
  const user = c.get('user');
  const valid = clientId !== undefined && Id.safeParse(clientId).success;
  if (valid && await store.isWalled(user.id, clientId)) {
    const attempted = c.get('audit')?.action;
    noteAudit(c, 'access.refused', { clientId, target: attempted ?? null });
    throw new ProblemError(404, NO_SUCH_CLIENT);
  }
  if (!valid || !(await store.getClient(clientId))) {
    const note = c.get('audit');
    if (note) c.set('audit', { ...note, clientId: null, target: `unknown client ${String(clientId).slice(0, 64)}` });
    throw new ProblemError(404, NO_SUCH_CLIENT);
  }
  return clientId;
}

const ROLE_WORDS: Record<StoredUser['role'], string> = { lawyer: 'lawyers', bd: 'business-development staff', risk: 'Risk & Compliance' };

export function requireRole(user: StoredUser, role: StoredUser['role'], action: string): void {
  if (user.role !== role) throw new ProblemError(403, `Only ${ROLE_WORDS[role]} may ${action}.`);
}
