import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { User, UserRole } from '../../lib/contract';
import { pluck, type SqlDatabase, statement } from './database';

export type StoredUser = User & { title: string };
export type DirectoryUser = StoredUser & { disabledAt: string | null; activeTokens: number };
export type TokenInfo = { id: string; userId: string; label: string; createdAt: string; revokedAt: string | null };

/** Bearer tokens are stored as SHA-256 digests: a copy of the database does not give away sign-ins. */
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A new API token: 32 random bytes, URL-safe, prefixed so that a leaked one is recognisable in a scan. */
export const newTokenValue = () => `lens_${randomBytes(32).toString('base64url')}`;

type UserRow = { id: string; name: string; email: string; role: UserRole; title: string; disabled_at: string | null; oidc_subject: string | null };

/** Why an identity from the firm's identity provider is not a signed-in user. */
export type IdentityRefusal = 'unknown' | 'disabled' | 'subject-mismatch';

/**
 * The endpoint's users and their API tokens. A user has any number of tokens (one per device or
 * integration), each revocable; a disabled user's tokens stop working at once, because every
 * look-up checks the user as well as the token.
 */
export class UserDirectory {
  private readonly s;

  constructor(private readonly db: SqlDatabase) {
    this.s = {
      insertUser: statement(db, `INSERT INTO users (id, name, email, role, title) VALUES (@id, @name, @email, @role, @title)`),
      insertToken: statement(db, `INSERT INTO tokens (id, user_id, token_sha256, label, created_at) VALUES (@id, @user_id, @token_sha256, @label, @created_at)`),
      byToken: statement<StoredUser>(db, `SELECT u.id, u.name, u.email, u.role, u.title FROM tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_sha256 = ? AND t.revoked_at IS NULL AND u.disabled_at IS NULL`),
      byId: statement<StoredUser>(db, `SELECT id, name, email, role, title FROM users WHERE id = ?`),
      byEmail: statement<UserRow>(db, `SELECT * FROM users WHERE lower(email) = lower(?)`),
      list: statement<UserRow & { active_tokens: number }>(db, `SELECT u.*, (SELECT count(*) FROM tokens t WHERE t.user_id = u.id AND t.revoked_at IS NULL) AS active_tokens
        FROM users u ORDER BY lower(u.name), u.id`),
      disable: statement(db, `UPDATE users SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL`),
      enable: statement(db, `UPDATE users SET disabled_at = NULL WHERE id = ?`),
      tokensOf: statement<{ id: string; user_id: string; label: string; created_at: string; revoked_at: string | null }>(db, `SELECT id, user_id, label, created_at, revoked_at FROM tokens WHERE user_id = ? ORDER BY created_at, id`),
      revoke: statement(db, `UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`),
      count: pluck<number>(db, `SELECT count(*) FROM users`),
      bySubject: statement<UserRow>(db, `SELECT * FROM users WHERE oidc_subject = ?`),
      update: statement(db, `UPDATE users SET name = @name, role = @role, title = @title WHERE id = @id`),
      bindSubject: statement(db, `UPDATE users SET oidc_subject = ? WHERE id = ? AND oidc_subject IS NULL`),
    };
  }

  /** Adds a user with a known token (the demo firm) or none. Emails are unique, case-insensitively. */
  async insert(u: StoredUser, token?: string): Promise<void> {
    await this.db.transaction(async () => {
      await this.s.insertUser.run({ id: u.id, name: u.name, email: u.email, role: u.role, title: u.title });
      if (token) await this.addToken(u.id, token, 'initial');
    });
  }

  /** A new user with an opaque id and a fresh token, which is returned once and never stored. */
  async create(input: { name: string; email: string; role: UserRole; title?: string }): Promise<{ user: StoredUser; token: string }> {
    const user: StoredUser = { id: `u-${randomUUID()}`, name: input.name, email: input.email, role: input.role, title: input.title ?? '' };
    const token = newTokenValue();
    await this.insert(user, token);
    return { user, token };
  }

  /** A further token for an existing user. */
  async issueToken(userId: string, label = ''): Promise<{ token: string; info: TokenInfo }> {
    const token = newTokenValue();
    const info = await this.addToken(userId, token, label);
    return { token, info };
  }

  private async addToken(userId: string, token: string, label: string): Promise<TokenInfo> {
    const info: TokenInfo = { id: `t-${randomUUID()}`, userId, label, createdAt: new Date().toISOString(), revokedAt: null };
    await this.s.insertToken.run({ id: info.id, user_id: userId, token_sha256: hashToken(token), label, created_at: info.createdAt });
    return info;
  }

  /** The signed-in user for a bearer token; null for an unknown or revoked token, or a disabled user. */
  async byToken(token: string): Promise<StoredUser | null> {
    return (await this.s.byToken.get(hashToken(token))) ?? null;
  }

  /**
   * The user an identity-provider sign-in stands for: by subject once bound; else by (verified)
   * email, binding the subject then, so a later change of email at the provider keeps the account.
   * A user bound to another subject is not taken over by someone who now has their email.
   */
  async byIdentity(identity: { subject: string; email: string | null }): Promise<{ user: StoredUser } | { refused: IdentityRefusal }> {
    const bySubject = await this.s.bySubject.get(identity.subject);
    const row = bySubject ?? (identity.email ? await this.s.byEmail.get(identity.email) : undefined);
    if (!row) return { refused: 'unknown' };
    if (!bySubject && row.oidc_subject && row.oidc_subject !== identity.subject) return { refused: 'subject-mismatch' };
    if (row.disabled_at) return { refused: 'disabled' };
    if (!bySubject) await this.s.bindSubject.run(identity.subject, row.id);
    return { user: { id: row.id, name: row.name, email: row.email, role: row.role, title: row.title } };
  }

  async byId(id: string): Promise<StoredUser | null> {
    return (await this.s.byId.get(id)) ?? null;
  }

  async byEmail(email: string): Promise<DirectoryUser | null> {
    const row = await this.s.byEmail.get(email);
    return row ? { ...toUser(row), activeTokens: (await this.tokens(row.id)).filter((t) => !t.revokedAt).length } : null;
  }

  async list(): Promise<DirectoryUser[]> {
    return (await this.s.list.all()).map((r) => ({ ...toUser(r), activeTokens: r.active_tokens }));
  }

  async tokens(userId: string): Promise<TokenInfo[]> {
    return (await this.s.tokensOf.all(userId)).map((t) => ({ id: t.id, userId: t.user_id, label: t.label, createdAt: t.created_at, revokedAt: t.revoked_at }));
  }

  /** Changes a user's name, role or title (an import from the firm's directory). */
  async update(id: string, fields: { name: string; role: UserRole; title: string }): Promise<void> {
    await this.s.update.run({ id, ...fields });
  }

  /** False when the user was already disabled. */
  async disable(userId: string): Promise<boolean> {
    return (await this.s.disable.run(new Date().toISOString(), userId)).changes > 0;
  }

  async enable(userId: string): Promise<boolean> {
    return (await this.s.enable.run(userId)).changes > 0;
  }

  /** False when there is no such active token. */
  async revokeToken(tokenId: string): Promise<boolean> {
    return (await this.s.revoke.run(new Date().toISOString(), tokenId)).changes > 0;
  }

  async count(): Promise<number> {
    return (await this.s.count.get()) ?? 0;
  }
}

function toUser(r: UserRow): Omit<DirectoryUser, 'activeTokens'> {
  return { id: r.id, name: r.name, email: r.email, role: r.role, title: r.title, disabledAt: r.disabled_at };
}
