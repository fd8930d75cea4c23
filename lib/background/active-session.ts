import { endpointPermissionPattern } from '../settings/endpoint-url';
import { browser } from 'wxt/browser';
import { deletePartition, type LensDb, META_KEYS, openLensDb } from '../cache/lens-db';
import type { User } from '../contract/user';
import { describeApiError } from '../endpoint/api-error';
import { createFirmApi, type FirmApi } from '../endpoint/firm-api';
import { fail, ok, type Result } from '../messaging/result';
import { loadSettings } from '../settings/load-settings';
import type { Settings } from '../settings/settings-schema';
import { partitionName, readSession, type Session, writeSession } from '../settings/session-store';
import { saveUserSettings } from '../settings/load-settings';
import { firmOidcConfig, firmSignInName } from '../settings/firm-sign-in-config';
import type { BearerSource } from '../endpoint/bearer';
import type { FirmSignIn } from './firm-sign-in';

export type SignedOutReason = 'no-endpoint' | 'no-token' | 'rejected' | 'no-permission';

export interface Active {
  session: Session;
  settings: Settings;
  api: FirmApi;
  db: LensDb;
}

/** Sign-in waits for the firm's policy, which the browser can be slow to give at its start (see readManagedPolicy). */
export const POLICY_NOT_LOADED = 'Your firm’s settings have not reached the browser yet. Try again in a moment.';
/** How long sign-in waits for a policy never seen before saying so. */
export const SIGN_IN_POLICY_WAIT_MS = 15_000;

/**
 * The signed-in user's endpoint client and cache partition, the background's one source of both.
 * Signing in as someone else, or to another endpoint, deletes the previous partition: its cached
 * client data and its queued writes (never sent under another user's token).
 *
 * A 401 locks the partition (issue 9, item 3): nothing is shown or synced from it until the user
 * signs in again, and the lock is kept in the partition's `meta`, so a worker restart keeps it.
 * Once locked for longer than the firm's `signedOutGraceHours`, the partition is deleted.
 */
export class ActiveSession {
  private db: { partition: string; opening: Promise<LensDb> } | null = null;
  /** When this worker saw the token refused; null when it has not (the partition's lock may still be set). */
  private rejectedAt: number | null = null;
  /** Each partition's persisted lock, read once per worker life. */
  private readonly locks = new Map<string, Promise<number | null>>();
  /** Partitions deleted in this worker's life: never reopened (that would recreate them). */
  private readonly dropped = new Set<string>();
  /**
   * Read once per worker life, then kept here: every record view asks, and a record switch in a
   * single-page app has ~25 ms. Settings are read again when storage says they changed.
   */
  private session: Promise<Session | null> | null = null;
  private settings: ReturnType<typeof loadSettings> | null = null;

  private readonly fetchImpl: typeof fetch;

  /**
   * `onReachable` is told whenever a read succeeds: the endpoint is back, so writes waiting out a
   * back-off can go now (workers get no `online` event). Writes do not count, so a write that keeps
   * failing cannot trigger itself.
   *
   * `firm`: sign-in with the firm's identity provider (absent: API tokens only). A session signed
   * in that way sends the provider's access token; its end (a refused refresh) reads as a 401 and
   * locks the partition like a refused API token, so the user's unsent writes wait for sign-in.
   */
  constructor(fetchImpl: typeof fetch = (...args) => fetch(...args), onReachable?: () => void, private readonly firm?: FirmSignIn) {
    this.fetchImpl = async (input, init) => {
      const response = await fetchImpl(input, init);
      // Reachable again; a success does NOT lift a lock: only signing in does.
      if ((init?.method ?? 'GET') === 'GET' && (response.ok || response.status === 304)) onReachable?.();
      return response;
    };
  }

  private permitted = new Map<string, Promise<boolean>>();

  /** Settings changed (options page or policy): read them again on next use. */
  settingsChanged(): void {
    this.settings = null;
  }

  /** Host permissions were granted or withdrawn: ask the browser again on next use. */
  permissionsChanged(): void {
    this.permitted.clear();
  }

  /** "<firm>" of "Sign in with <firm>"; null when sign-in with the firm is not configured. */
  async firmSignInName(): Promise<string | null> {
    return this.firm ? firmSignInName((await this.currentSettings()).settings) : null;
  }

  private mayContact(endpointUrl: string): Promise<boolean> {
    let answer = this.permitted.get(endpointUrl);
    if (!answer) {
      answer = hasHostPermission(endpointUrl);
      this.permitted.set(endpointUrl, answer);
    }
    return answer;
  }

  private currentSettings(): ReturnType<typeof loadSettings> {
    if (!this.settings) {
      const loading = loadSettings();
      this.settings = loading;
      // A policy the browser did not answer for in time (the last one seen stood in) is asked for again next time.
      const forget = () => { if (this.settings === loading) this.settings = null; };
      loading.then((loaded) => { if (loaded.policy !== 'read') forget(); }, forget);
    }
    return this.settings;
  }

  /**
   * Sign-in may wait longer for a policy never seen (a first start: the browser's policy service
   * often takes seconds then) before it gives up and says so.
   */
  private async settingsForSignIn(): ReturnType<typeof loadSettings> {
    const loaded = await this.currentSettings();
    return loaded.policy === 'unknown' ? loadSettings({ policyTimeoutMs: SIGN_IN_POLICY_WAIT_MS }) : loaded;
  }

  private currentSession(): Promise<Session | null> {
    this.session ??= readSession();
    return this.session;
  }

  private async storeSession(session: Session | null): Promise<void> {
    this.session = Promise.resolve(session);
    await writeSession(session);
  }

  async get(): Promise<Active | { signedOut: SignedOutReason }> {
    const { settings } = await this.currentSettings();
    const session = await this.currentSession();
    if (!session) return { signedOut: settings.endpointUrl ? 'no-token' : 'no-endpoint' };
    if (settings.endpointUrl && normalise(settings.endpointUrl) !== normalise(session.endpointUrl)) {
      // Policy moved the firm to another endpoint: the old session's data must not linger.
      await this.signOut();
      return { signedOut: 'no-token' };
    }
    const db = await this.openDb(session.partition);
    const lockedAt = await this.lockedAt(session.partition, db);
    if (lockedAt !== null) {
      if (Date.now() - lockedAt >= settings.signedOutGraceHours * 3_600_000) {
        // The firm's grace period is over: the user's cached data leaves this machine.
        await this.signOut();
        return { signedOut: 'no-token' };
      }
      return { signedOut: 'rejected' };
    }
    if (!(await this.mayContact(session.endpointUrl))) return { signedOut: 'no-permission' };
    return { session, settings, api: this.api(session, settings), db };
  }

  private lockedAt(partition: string, db: LensDb): Promise<number | null> {
    if (this.rejectedAt !== null) return Promise.resolve(this.rejectedAt);
    let lock = this.locks.get(partition);
    if (!lock) {
      lock = (db.get('meta', META_KEYS.lockedAt) as Promise<number | undefined>).then((at) => at ?? null);
      this.locks.set(partition, lock);
    }
    return lock;
  }

  /**
   * The endpoint answered 401: the token no longer works. Locks at once in this worker, and in the
   * partition (the earliest refusal counts, so the grace period is not extended by later ones).
   */
  markRejected(now = Date.now()): Promise<void> {
    this.rejectedAt ??= now;
    const at = this.rejectedAt;
    return (async () => {
      const session = await this.currentSession();
      // Signed in (or out) meanwhile: that lifted this lock.
      if (!session || this.dropped.has(session.partition) || this.rejectedAt !== at) return;
      const db = await this.openDb(session.partition);
      const tx = db.transaction('meta', 'readwrite');
      const earlier = (await tx.store.get(META_KEYS.lockedAt)) as number | undefined;
      if (earlier === undefined) await tx.store.put(at, META_KEYS.lockedAt);
      else this.rejectedAt = Math.min(earlier, at);
      await tx.done;
      this.locks.set(session.partition, Promise.resolve(earlier ?? at));
    })().catch(() => undefined); // a lock that cannot be written still holds in this worker
  }

  /** Signing in lifts the lock of the user's partition. */
  private async unlock(partition: string): Promise<void> {
    this.rejectedAt = null;
    this.locks.set(partition, Promise.resolve(null));
    await (await this.openDb(partition)).delete('meta', META_KEYS.lockedAt);
  }

  async signIn(endpointUrl: string, token: string): Promise<Result<User>> {
    const { settings, managedKeys, policy } = await this.settingsForSignIn();
    // Never signed in against a policy not yet known: it may fix the endpoint.
    if (policy === 'unknown') return fail('policy-not-loaded', POLICY_NOT_LOADED);
    if (managedKeys.includes('endpointUrl') && settings.endpointUrl && normalise(settings.endpointUrl) !== normalise(endpointUrl)) {
      return fail('managed', 'Your firm has set the endpoint by policy; it cannot be changed here.');
    }
    const refused = await this.permissionRefusal(endpointUrl);
    if (refused) return refused;
    const signedIn = await this.establish(endpointUrl, token, { token, via: 'api-token' });
    if (signedIn.ok && !managedKeys.includes('endpointUrl')) await saveUserSettings({ endpointUrl: normalise(endpointUrl) });
    return signedIn;
  }

  /**
   * "Sign in with <firm>": the identity provider's login (a browser window), then the endpoint is
   * asked who the access token belongs to. The same user as before finds their partition, its lock
   * lifted and their held writes ready to go; another user starts afresh, as with an API token.
   */
  async signInWithFirm(): Promise<Result<User>> {
    const { settings, policy } = await this.settingsForSignIn();
    if (policy === 'unknown') return fail('policy-not-loaded', POLICY_NOT_LOADED);
    const config = firmOidcConfig(settings);
    if (!this.firm || !config) return fail('not-configured', 'Sign-in with your firm is not set up. Ask your IT team for the identity provider and client id.');
    const endpointUrl = settings.endpointUrl ?? (await this.currentSession())?.endpointUrl;
    if (!endpointUrl) return fail('no-endpoint', 'Secondment Lens is not connected to your firm yet: the firm endpoint is not set.');
    const refused = await this.permissionRefusal(endpointUrl);
    if (refused) return refused;
    try {
      await this.firm.signIn(config);
    } catch (error) {
      return fail('firm-sign-in-failed', `Sign-in with your firm did not finish: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.establish(endpointUrl, this.firm.bearer(config), { via: 'firm' });
  }

  private async permissionRefusal(endpointUrl: string): Promise<Result<never> | null> {
    if (await hasHostPermission(endpointUrl)) return null;
    return fail('no-permission', `Secondment Lens may not contact ${new URL(endpointUrl).origin} yet. Allow it when asked.`);
  }

  /** Asks the endpoint who `token` belongs to, then makes that user's session and partition the active ones. */
  private async establish(endpointUrl: string, token: string | BearerSource, credentials: { token?: string; via: Session['via'] }): Promise<Result<User>> {
    const { settings } = await this.currentSettings();
    const api = createFirmApi({ endpointUrl, token, timeoutMs: settings.requestTimeoutSeconds * 1000, fetch: this.fetchImpl });
    const me = await api.me();
    if (!me.ok) return fail(me.error.kind === 'http' && me.error.status === 401 ? 'rejected' : 'unreachable', describeApiError(me.error).message);
    if (!('value' in me)) return fail('invalid-response', 'The endpoint did not say who you are.');
    const partition = await partitionName(endpointUrl, me.value.id);
    const previous = await this.currentSession();
    // The new session first: from here on nothing opens the previous partition again (a flush
    // started meanwhile reads the new session), and only then is the previous one deleted.
    this.dropped.delete(partition);
    await this.storeSession({ endpointUrl: normalise(endpointUrl), ...credentials, user: me.value, partition });
    if (previous && previous.partition !== partition) await this.dropPartition(previous.partition);
    // An API-token sign-in ends any firm session left over (its refresh token is revoked).
    if (credentials.via === 'api-token') await this.firm?.signOut().catch(() => undefined);
    await this.unlock(partition);
    return ok(me.value);
  }

  async signOut(): Promise<void> {
    const previous = await this.currentSession();
    await this.storeSession(null);
    this.rejectedAt = null;
    this.locks.clear();
    // The firm session's refresh token is revoked at the provider (best effort) and forgotten.
    await this.firm?.signOut().catch(() => undefined);
    if (previous) await this.dropPartition(previous.partition);
  }

  private api(session: Session, settings: Settings): FirmApi {
    const timeoutMs = settings.requestTimeoutSeconds * 1000;
    const config = firmOidcConfig(settings);
    // A firm session whose provider is no longer configured cannot send anything: it reads as ended.
    const token: string | BearerSource = session.via === 'firm'
      ? (this.firm && config ? this.firm.bearer(config) : ENDED)
      : session.token!;
    return createFirmApi({ endpointUrl: session.endpointUrl, token, timeoutMs, fetch: this.fetchImpl });
  }

  private openDb(partition: string): Promise<LensDb> {
    if (this.dropped.has(partition)) return Promise.reject(new Error('This user’s cache was deleted (signed out).'));
    if (this.db?.partition !== partition) {
      const opening = openLensDb(partition, () => {
        if (this.db?.opening === opening) this.db = null;
      });
      this.db = { partition, opening };
    }
    return this.db.opening;
  }

  private async dropPartition(partition: string): Promise<void> {
    this.dropped.add(partition);
    if (this.db?.partition === partition) {
      (await this.db.opening).close();
      this.db = null;
    }
    await deletePartition(partition);
  }
}

/** The bearer of a firm session whose sign-in settings were removed: every request reads as a 401. */
const ENDED: BearerSource = {
  current: () => Promise.reject(new Error('sign-in with the firm is no longer configured')),
  renew: () => Promise.reject(new Error('sign-in with the firm is no longer configured')),
  ended: () => true,
};

function normalise(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Loopback is granted in the manifest (the reference endpoint); any other origin is asked for at run time. */
export async function hasHostPermission(endpointUrl: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [endpointPermissionPattern(endpointUrl)] });
  } catch {
    return false;
  }
}
