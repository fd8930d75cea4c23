import * as oauth from 'oauth4webapi';

/** What the firm configures (policy or options) for sign-in with its identity provider. */
export type OidcConfig = {
  issuer: string;
  clientId: string;
  /** Space-separated; `offline_access` asks for a refresh token. */
  scopes: string;
};

/** Tokens of one signed-in user. They live only in the background (its own IndexedDB), never in a page. */
export type TokenSet = {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch ms when the access token stops being accepted. */
  expiresAt: number;
  /** Epoch ms from which it is refreshed before use (absent: a minute before expiry). */
  refreshAt?: number;
  /** From the validated ID token: who signed in. */
  subject: string;
  email: string | null;
  name: string | null;
};

/** Where the background keeps the token set (a store of its own origin; injected for tests). */
export type TokenStore = { load(): Promise<TokenSet | null>; save(tokens: TokenSet | null): Promise<void> };

/** The session has ended (no tokens, refresh refused): the user must sign in with the firm again. */
export class SignInRequired extends Error {
  constructor(readonly reason: string) {
    super(`Sign in again: ${reason}`);
  }
}

/**
 * Refresh this long before expiry, so a request never leaves with a token about to lapse; at most
 * half the token's life, so a short-lived token is still used before it is renewed.
 */
const REFRESH_MARGIN_MS = 60_000;

export type OidcSessionDeps = {
  fetch?: typeof fetch;
  now?: () => number;
  /** Plain-http issuers are for tests on loopback only. */
  allowInsecureRequests?: boolean;
};

/**
 * Sign-in with the firm's OIDC provider: authorization code with PKCE (S256), `state` and `nonce`
 * checked, ID token validated (oauth4webapi does the protocol; nothing hand-written). Refreshes are
 * single-flight: callers at the same moment share one refresh, and a rotated refresh token is
 * replaced in the store before anyone can use the old one again.
 */
export class OidcSession {
  private server: Promise<oauth.AuthorizationServer> | null = null;
  private refreshing: Promise<TokenSet> | null = null;
  private readonly client: oauth.Client;
  private readonly auth = oauth.None(); // a public client: the extension keeps no secret
  private readonly options: { [oauth.customFetch]?: typeof fetch; [oauth.allowInsecureRequests]?: boolean };
  private readonly now: () => number;

  constructor(private readonly config: OidcConfig, private readonly store: TokenStore, deps: OidcSessionDeps = {}) {
    this.client = { client_id: config.clientId };
    this.options = {
      ...(deps.fetch ? { [oauth.customFetch]: deps.fetch } : {}),
      ...(deps.allowInsecureRequests ? { [oauth.allowInsecureRequests]: true } : {}),
    };
    this.now = deps.now ?? Date.now;
  }

  /** The issuer's metadata, discovered once (and again after a failure). */
  private authorizationServer(): Promise<oauth.AuthorizationServer> {
    this.server ??= (async () => {
      const issuer = new URL(this.config.issuer);
      return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { ...this.options, signal: AbortSignal.timeout(15_000) }));
    })().catch((err) => {
      this.server = null;
      throw err;
    });
    return this.server;
  }

  /**
   * Interactive sign-in. `launch` opens the provider's page and resolves with the URL it redirected
   * to (`identity.launchWebAuthFlow` in the extension). The token set is stored before it is returned.
   */
  async signIn(redirectUri: string, launch: (authorizationUrl: string) => Promise<string>): Promise<TokenSet> {
    const as = await this.authorizationServer();
    if (!as.authorization_endpoint) throw new Error('The identity provider has no authorization endpoint.');
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();
    const url = new URL(as.authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: this.config.clientId, redirect_uri: redirectUri, response_type: 'code', scope: this.config.scopes,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', state, nonce,
      ...(this.config.scopes.split(/\s+/).includes('offline_access') ? { prompt: 'consent' } : {}),
    }).toString();

    const returned = new URL(await launch(url.href));
    const params = oauth.validateAuthResponse(as, this.client, returned, state); // throws on a wrong state or an error answer
    const response = await oauth.authorizationCodeGrantRequest(as, this.client, this.auth, params, redirectUri, verifier, this.options);
    const result = await oauth.processAuthorizationCodeResponse(as, this.client, response, { expectedNonce: nonce, requireIdToken: true });
    const tokens = this.toTokenSet(result, null);
    await this.store.save(tokens);
    return tokens;
  }

  /** A valid access token, refreshed first when it is about to expire. */
  async accessToken(): Promise<string> {
    const tokens = await this.store.load();
    if (!tokens) throw new SignInRequired('not signed in');
    const now = this.now();
    if ((tokens.refreshAt ?? tokens.expiresAt - REFRESH_MARGIN_MS) > now && tokens.expiresAt > now) return tokens.accessToken;
    return (await this.refresh()).accessToken;
  }

  /** After the endpoint refused the access token (401): one refresh, shared by every caller. */
  refresh(): Promise<TokenSet> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<TokenSet> {
    const tokens = await this.store.load();
    if (!tokens?.refreshToken) throw new SignInRequired(tokens ? 'the session cannot be renewed' : 'not signed in');
    const as = await this.authorizationServer();
    let result: oauth.TokenEndpointResponse;
    try {
      const response = await oauth.refreshTokenGrantRequest(as, this.client, this.auth, tokens.refreshToken, this.options);
      result = await oauth.processRefreshTokenResponse(as, this.client, response);
    } catch (err) {
      if (err instanceof oauth.ResponseBodyError) {
        // invalid_grant and friends: the provider ended the session. Forget tokens that cannot work.
        await this.store.save(null);
        throw new SignInRequired(err.error);
      }
      throw err; // the network or the provider is down: keep the tokens, try again later
    }
    const next = this.toTokenSet(result, tokens);
    await this.store.save(next); // the rotated refresh token replaces the old one before anyone can reuse it
    return next;
  }

  /** Revokes the refresh token at the provider (best effort) and forgets the tokens. */
  async signOut(): Promise<void> {
    const tokens = await this.store.load();
    await this.store.save(null);
    if (!tokens?.refreshToken) return;
    try {
      const as = await this.authorizationServer();
      if (!as.revocation_endpoint) return;
      await oauth.processRevocationResponse(await oauth.revocationRequest(as, this.client, this.auth, tokens.refreshToken, this.options));
    } catch {
      // Signed out here either way; the provider expires the token on its own.
    }
  }

  private toTokenSet(result: oauth.TokenEndpointResponse, previous: TokenSet | null): TokenSet {
    const claims = oauth.getValidatedIdTokenClaims(result);
    const subject = claims?.sub ?? previous?.subject;
    if (!subject) throw new Error('The identity provider sent no ID token.');
    if (previous && claims && claims.sub !== previous.subject) throw new SignInRequired('the provider answered for another user');
    const lifetimeMs = (result.expires_in ?? 300) * 1000;
    return {
      accessToken: result.access_token,
      refreshToken: result.refresh_token ?? previous?.refreshToken ?? null,
      expiresAt: this.now() + lifetimeMs,
      refreshAt: this.now() + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2),
      subject,
      email: typeof claims?.email === 'string' ? claims.email : previous?.email ?? null,
      name: typeof claims?.name === 'string' ? claims.name : previous?.name ?? null,
    };
  }
}
