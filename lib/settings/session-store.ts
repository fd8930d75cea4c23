import { openDB } from 'idb';
import { z } from 'zod';
import { User } from '../contract/user';

/**
 * The signed-in user: endpoint, bearer token and who the endpoint says they are. Kept in an
 * IndexedDB database of the extension's own origin, which only extension pages and the worker can
 * open: content scripts run with the host page's origin (unlike storage.local, which Firefox exposes
 * to content scripts whatever the access level). Read and written by the background only.
 */
export const Session = z.object({
  endpointUrl: z.url(),
  /** The API token (integrators, the demo); absent when signed in with the firm's identity provider. */
  token: z.string().min(1).optional(),
  /** 'firm': the access token comes from the firm sign-in (lib/background/firm-sign-in.ts), kept apart. */
  via: z.enum(['api-token', 'firm']).default('api-token'),
  user: User,
  /** Names this user's cache partition (IndexedDB database). */
  partition: z.string().min(1),
}).refine((s) => s.via === 'firm' || s.token !== undefined, 'An API-token session needs its token.');
export type Session = z.infer<typeof Session>;
export type SessionInput = z.input<typeof Session>;

const DB_NAME = 'secondment-lens-session';
const STORE = 'session';
const KEY = 'current';

const openSessionDb = () => openDB(DB_NAME, 1, {
  upgrade(db) {
    db.createObjectStore(STORE);
  },
});

export async function readSession(): Promise<Session | null> {
  const db = await openSessionDb();
  try {
    const parsed = Session.safeParse(await db.get(STORE, KEY));
    return parsed.success ? parsed.data : null;
  } finally {
    db.close();
  }
}

export async function writeSession(session: SessionInput | null): Promise<void> {
  const db = await openSessionDb();
  try {
    if (session) await db.put(STORE, session, KEY);
    else await db.delete(STORE, KEY);
  } finally {
    db.close();
  }
}

/** A cache partition per endpoint and user: another user or endpoint never sees this one's data. */
export async function partitionName(endpointUrl: string, userId: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${new URL(endpointUrl).origin}|${userId}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `lens-${Array.from(digest.slice(0, 12), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
