import { z } from 'zod';
import { browser } from 'wxt/browser';
import { User } from '../contract/user';

/**
 * The signed-in user: endpoint, bearer token and who the endpoint says they are. Read and written by
 * the background only; storage.local is restricted to extension pages and the worker (see
 * restrictStorageToExtension), so content scripts and host pages can never read the token.
 */
export const Session = z.object({
  endpointUrl: z.url(),
  token: z.string().min(1),
  user: User,
  /** Names this user's cache partition (IndexedDB database). */
  partition: z.string().min(1),
});
export type Session = z.infer<typeof Session>;

const SESSION_KEY = 'lens.session';

export async function readSession(): Promise<Session | null> {
  const raw = (await browser.storage.local.get(SESSION_KEY))[SESSION_KEY];
  const parsed = Session.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export async function writeSession(session: Session | null): Promise<void> {
  if (session) await browser.storage.local.set({ [SESSION_KEY]: session });
  else await browser.storage.local.remove(SESSION_KEY);
}

/** Chrome lets content scripts read storage.local unless told otherwise; the token lives there. */
export async function restrictStorageToExtension(): Promise<void> {
  const local = browser.storage.local as unknown as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}

/** A cache partition per endpoint and user: another user or endpoint never sees this one's data. */
export async function partitionName(endpointUrl: string, userId: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${new URL(endpointUrl).origin}|${userId}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `lens-${Array.from(digest.slice(0, 12), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
