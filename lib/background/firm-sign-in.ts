import { browser } from 'wxt/browser';
import { authDb, scopedTokenStore, type TokenRecordStore } from '../auth/auth-db';
import { type OidcConfig, OidcSession, SignInRequired, type TokenSet } from '../auth/oidc-session';
import type { BearerSource } from '../endpoint/bearer';

export interface FirmSignInDeps {
  /** Opens the provider's login and resolves with the URL it redirected to (default: identity.launchWebAuthFlow). */
  launch?: (authorizationUrl: string) => Promise<string>;
  /** Where the provider sends the browser back (default: identity.getRedirectURL(), https://<id>.chromiumapp.org/). */
  redirectUri?: () => string;
  /** The token record (default: the background's own 'secondment-lens-auth' database). */
  records?: TokenRecordStore;
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * Sign-in with the firm's identity provider, in the background only: the login through
 * `identity.launchWebAuthFlow` (code + PKCE S256, state and nonce checked by OidcSession), the
 * tokens in the background's own database, the access token handed to the endpoint client as a
 * BearerSource. One OidcSession per configuration, so every caller shares its single-flight refresh.
 */
export class FirmSignIn {
  private readonly sessions = new Map<string, OidcSession>();
  private readonly records: TokenRecordStore;

  constructor(private readonly deps: FirmSignInDeps = {}) {
    this.records = deps.records ?? authDb;
  }

  private session(config: OidcConfig): OidcSession {
    const key = JSON.stringify([config.issuer, config.clientId, config.scopes]);
    let session = this.sessions.get(key);
    if (!session) {
      session = new OidcSession(config, scopedTokenStore(config, this.records), {
        fetch: this.deps.fetch,
        now: this.deps.now,
        // Settings allow plain http only to this computer (the tests' provider on loopback).
        allowInsecureRequests: new URL(config.issuer).protocol === 'http:',
      });
      this.sessions.set(key, session);
    }
    return session;
  }

  /** Interactive sign-in; the tokens are stored before this resolves. */
  signIn(config: OidcConfig): Promise<TokenSet> {
    const redirectUri = (this.deps.redirectUri ?? (() => browser.identity.getRedirectURL()))();
    const launch = this.deps.launch ?? ((url: string) => launchWebAuthFlow(url));
    return this.session(config).signIn(redirectUri, launch);
  }

  /** The access token for the endpoint client: refreshed before expiry, and once for all after a 401. */
  bearer(config: OidcConfig): BearerSource {
    const session = this.session(config);
    const store = scopedTokenStore(config, this.records);
    const now = this.deps.now ?? Date.now;
    return {
      current: () => session.accessToken(),
      async renew(rejected) {
        // Another caller refreshed while this request was out: use its token, do not refresh again.
        const tokens = await store.load();
        if (tokens && tokens.accessToken !== rejected && tokens.expiresAt > now()) return tokens.accessToken;
        return (await session.refresh()).accessToken;
      },
      ended: (error) => error instanceof SignInRequired,
    };
  }

  /** Revokes the refresh token at the provider that issued it (if it offers revocation) and forgets the tokens. */
  async signOut(): Promise<void> {
    const record = await this.records.read();
    if (!record) return;
    await this.session({ issuer: record.issuer, clientId: record.clientId, scopes: 'openid' }).signOut();
  }
}

async function launchWebAuthFlow(url: string): Promise<string> {
  const returned = await browser.identity.launchWebAuthFlow({ url, interactive: true });
  if (!returned) throw new Error('The sign-in window closed without signing in.');
  return returned;
}
