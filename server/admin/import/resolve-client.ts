import type { FirmStore } from '../../store/firm-store';

/** The client a row names: by the firm's id when given, else by an unambiguous name. */
export async function resolveClient(store: FirmStore, ref: { clientId: string | null; clientName: string | null }): Promise<{ id: string } | { reject: string }> {
  if (ref.clientId) {
    return await store.getClient(ref.clientId) ? { id: ref.clientId } : { reject: `unknown client id ${ref.clientId} (import clients first)` };
  }
  const ids = await store.clientIdsNamed(ref.clientName ?? '');
  if (ids.length === 1) return { id: ids[0]! };
  return ids.length === 0
    ? { reject: `unknown client "${ref.clientName}" (import clients first, or give the client id)` }
    : { reject: `${ids.length} clients are named "${ref.clientName}": give the client id` };
}
