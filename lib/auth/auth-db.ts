import { openDB } from 'idb';
import { z } from 'zod';
import type { OidcConfig, TokenSet, TokenStore } from './oidc-session';

/**
 * Where the background keeps the firm sign-in's tokens: a small IndexedDB database of its own
 * ('secondment-lens-auth'), apart from the session and the book. The extension's origin only, so a content
 * script (the host page's origin) can never open it; nothing of it goes to storage.local or a page.
 * The record names the issuer and client it came from: tokens of another provider are never used,
 * and sign-out can revoke at the issuer that issued them even after the settings changed.
 */
const StoredTokens = z.object({
  issuer: z.string().min(1),
  clientId: z.string().min(1),
  tokens: z.object({
    accessToken: z.string().min(1),
    refreshToken: z.string().min(1).nullable(),
    expiresAt: z.number(),
    refreshAt: z.number().optional(),
    subject: z.string().min(1),
    email: z.string().nullable(),
    name: z.string().nullable(),
  }),
});
export type StoredTokens = z.infer<typeof StoredTokens>;

// Not 'lens-…': that prefix names the users' cache partitions (lib/settings/session-store.ts).
export const AUTH_DB_NAME = 'secondment-lens-auth';
const STORE = 'tokens';
const KEY = 'current';

const openAuthDb = () => openDB(AUTH_DB_NAME, 1, {
  upgrade(db) {
    db.createObjectStore(STORE);
  },
});

/** The stored tokens, whoever issued them; null when none (or unreadable: then sign in again). */
export async function readStoredTokens(): Promise<StoredTokens | null> {
  const db = await openAuthDb();
  try {
    const parsed = StoredTokens.safeParse(await db.get(STORE, KEY));
    return parsed.success ? parsed.data : null;
  } finally {
    db.close();
  }
}

export async function writeStoredTokens(record: StoredTokens | null): Promise<void> {
  const db = await openAuthDb();
  try {
    if (record) await db.put(STORE, record, KEY);
    else await db.delete(STORE, KEY);
  } finally {
    db.close();
  }
}

/** The raw record's reader and writer (the database above; a memory one in unit tests). */
export type TokenRecordStore = { read(): Promise<StoredTokens | null>; write(record: StoredTokens | null): Promise<void> };
export const authDb: TokenRecordStore = { read: readStoredTokens, write: writeStoredTokens };

/** The token store of one issuer and client: another's tokens read as none. */
export function scopedTokenStore(config: Pick<OidcConfig, 'issuer' | 'clientId'>, records: TokenRecordStore = authDb): TokenStore {
  return {
    async load(): Promise<TokenSet | null> {
      const record = await records.read();
      return record && record.issuer === config.issuer && record.clientId === config.clientId ? record.tokens : null;
    },
    save: (tokens) => records.write(tokens && { issuer: config.issuer, clientId: config.clientId, tokens }),
  };
}
