import { Id } from '../lib/contract';
import { PROBLEM_TYPES, ProblemError } from './problem';
import type { FirmStore, StoredUser } from './store/firm-store';

/**
 * The client a route is about, if the user may see it: 404 when there is no such client (an id that
 * cannot be valid cannot exist either), 403 behind an ethical wall. The 403 never names the client.
 */
export function requireClientAccess(store: FirmStore, user: StoredUser, clientId: string | undefined): string {
  if (!clientId || !Id.safeParse(clientId).success || !store.getClient(clientId)) {
    throw new ProblemError(404, 'No client with this id.');
  }
  if (store.isWalled(user.id, clientId)) {
    throw new ProblemError(403, 'An information barrier (ethical wall) keeps you from this client. Speak to Risk & Compliance if you think this is wrong.', { type: PROBLEM_TYPES.wall });
  }
  return clientId;
}

export function requireRole(user: StoredUser, role: StoredUser['role'], action: string): void {
  if (user.role !== role) throw new ProblemError(403, `Only business-development staff may ${action}.`);
}
