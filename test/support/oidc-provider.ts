/**
 * A real OIDC provider (the `oidc-provider` library) on loopback, standing in for the firm's Entra
 * ID / Okta / Ping in tests. A public client with PKCE required; access tokens are JWTs for the
 * Secondment Lens API audience (what the reference endpoint accepts); refresh tokens rotate. The
 * login page is replaced by a handler that signs in the configured account and grants consent.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const TEST_API_AUDIENCE = 'secondment-lens-api';
/** The resource indicator (an absolute URI) that stands for the API at the provider. */
const TEST_API_RESOURCE = 'https://api.secondment-lens.test/';

export type TestAccount = { sub: string; email: string; name: string };

/** The firm's demo partner as the identity provider knows her (her email is her endpoint user's). */
export const TEST_ACCOUNT: TestAccount = { sub: 'idp-eleanor', email: 'eleanor.marsh@marshokafor.example', name: 'Eleanor Marsh' };
/** An extension redirect URI of the form identity.getRedirectURL() gives, for tests outside a browser. */
export const TEST_REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

export type TestOidcProvider = {
  issuer: string;
  provider: Provider;
  /** Who the next login signs in as. */
  setAccount(account: TestAccount): void;
  /** Refresh requests seen, to count them. */
  refreshCount(): number;
  /** The query of the last authorization request (what the client asked the login page for). */
  lastAuthorizationRequest(): URLSearchParams | null;
  /** Revocation requests seen (sign-out), to count them. */
  revocationCount(): number;
  /** Holds each token-endpoint answer this long (so that callers at the same moment overlap). */
  setTokenDelay(ms: number): void;
  /** Firm IT ends a session at the provider: the refresh token no longer works (as an admin revoking sessions). */
  revokeRefreshToken(value: string): Promise<void>;
  close(): Promise<void>;
};

export async function startOidcProvider(opts: {
  clientId: string;
  redirectUris: string[];
  account: TestAccount;
  accessTokenTtlSeconds?: number;
  /** Browser origins allowed to call the token endpoint (the extension's `chrome-extension://<id>`). */
  corsOrigins?: string[];
}): Promise<TestOidcProvider> {
  let account = opts.account;
  let refreshes = 0;
  const http: Server = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const ttl = opts.accessTokenTtlSeconds ?? 300;

  const provider = new Provider(issuer, {
    clients: [{
      client_id: opts.clientId, token_endpoint_auth_method: 'none', redirect_uris: opts.redirectUris,
      grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'],
    }],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => TEST_API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'lens', audience: TEST_API_AUDIENCE, accessTokenFormat: 'jwt', accessTokenTTL: ttl }),
      },
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, email: account.email, email_verified: true, name: account.name }),
    }),
    // Providers put the user's sign-in name in access tokens when asked (an Entra ID optional claim,
    // an Okta custom claim): the reference endpoint maps it to its user.
    extraTokenClaims: (_ctx, token) => (token.kind === 'AccessToken' ? { email: account.email } : undefined),
    rotateRefreshToken: true,
    issueRefreshToken: (_ctx, client, code) => client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    ttl: { AccessToken: ttl, IdToken: 3600, RefreshToken: 24 * 3600, Grant: 24 * 3600, Interaction: 600, Session: 3600, AuthorizationCode: 60 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-only-cookie-key'] },
    clientBasedCORS: (_ctx, origin) => (opts.corsOrigins ?? []).includes(origin),
  });
  let revocations = 0;
  let tokenDelayMs = 0;
  let lastAuthorization: URLSearchParams | null = null;
  provider.use(async (ctx, next) => {
    if (ctx.method === 'GET' && ctx.path === '/auth') lastAuthorization = new URLSearchParams(ctx.querystring);
    if (ctx.method === 'POST' && ctx.path === '/token/revocation') revocations++;
    if (ctx.method === 'POST' && ctx.path === '/token' && tokenDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, tokenDelayMs));
    await next();
  });
  // Answered or refused: a refresh that reused a rotated token counts too.
  const countRefresh = (ctx: { oidc?: { params?: { grant_type?: unknown } } }) => {
    if (ctx.oidc?.params?.grant_type === 'refresh_token') refreshes++;
  };
  provider.on('grant.success', countRefresh);
  provider.on('grant.error', countRefresh);

  const callback = provider.callback();
  http.on('request', async (req, res) => {
    try {
      if (req.url?.startsWith('/interaction/')) {
        const details = await provider.interactionDetails(req, res);
        if (details.prompt.name === 'login') {
          await provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
          return;
        }
        const grant = details.grantId
          ? (await provider.Grant.find(details.grantId))!
          : new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
        const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
        if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
        if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
        for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(resource, scopes.join(' '));
        await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
        return;
      }
      callback(req, res);
    } catch (err) {
      res.statusCode = 500;
      res.end(String(err));
    }
  });

  return {
    issuer,
    provider,
    setAccount: (a) => { account = a; },
    refreshCount: () => refreshes,
    revocationCount: () => revocations,
    lastAuthorizationRequest: () => lastAuthorization,
    setTokenDelay: (ms) => { tokenDelayMs = ms; },
    revokeRefreshToken: async (value) => {
      const token = await provider.RefreshToken.find(value);
      if (!token) throw new Error('No such refresh token at the provider.');
      await token.destroy();
    },
    close: () => new Promise<void>((resolve) => {
      http.closeAllConnections();
      http.close(() => resolve());
    }),
  };
}

/**
 * What a browser does with the provider's login page in these tests: follows redirects (keeping the
 * provider's cookies) until it reaches the redirect URI, and returns that URL with `code` and `state`.
 */
export async function followLogin(authorizationUrl: string, redirectUri: string): Promise<string> {
  const cookies = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(redirectUri)) return url;
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = res.headers.get('location');
    await res.body?.cancel();
    if (!location) throw new Error(`The login stopped at ${url} (HTTP ${res.status}) without reaching the redirect URI.`);
    url = new URL(location, url).href;
  }
  throw new Error('Too many redirects during login.');
}
