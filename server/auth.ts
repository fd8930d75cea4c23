import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { looksLikeJwt, type OidcResult } from './oidc-verifier';
import { ProblemError } from './problem';
import type { RateLimiter } from './rate-limit';
import type { FirmStore, StoredUser } from './store/firm-store';

const BEARER = /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)[ ]*$/i;
const INVALID_TOKEN = { 'WWW-Authenticate': 'Bearer realm="secondment-lens", error="invalid_token"' };

const IDENTITY_REFUSALS = {
  unknown: 'You are signed in with your firm, but Secondment Lens has no user for you. Ask your administrator to add you.',
  disabled: 'Your access to Secondment Lens has been turned off. Ask your administrator if this is wrong.',
  'subject-mismatch': 'This email belongs to another sign-in at your firm. Ask your administrator.',
} as const;

/**
 * Bearer authentication (RFC 6750) by an API token the endpoint issued or, when the firm configured
 * its identity provider, by an access token (a JWT) from it. The token itself is never logged nor
 * echoed; a refusal (unknown, revoked, expired, forged, a disabled user) is recorded in the audit
 * trail as `signin.failed` with the reason. A signed-in user then spends one request of their budget.
 */
export function bearerAuth(store: FirmStore, perUser?: RateLimiter, verifyJwt?: (token: string) => Promise<OidcResult>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) {
      throw new ProblemError(401, 'Sign in: send Authorization: Bearer <token>.', { headers: { 'WWW-Authenticate': 'Bearer realm="secondment-lens"' } });
    }
    const token = BEARER.exec(header)?.[1];
    const refuse = (reason: string, detail: string): never => {
      c.set('audit', { action: 'signin.failed', target: `${reason} at ${new URL(c.req.url).pathname}`.slice(0, 300) });
      throw new ProblemError(401, detail, { headers: INVALID_TOKEN });
    };
    let user: StoredUser | null = null;
    if (token && verifyJwt && looksLikeJwt(token)) {
      const result = await verifyJwt(token);
      if (!result.ok) refuse(`identity provider: ${result.reason}`, result.detail);
      else {
        const found = await store.users.byIdentity(result.identity);
        if ('refused' in found) refuse(`identity provider: ${found.refused} (${result.identity.email ?? result.identity.subject})`, IDENTITY_REFUSALS[found.refused]);
        else user = found.user;
      }
    } else {
      user = token ? await store.userByToken(token) : null;
      if (!user) refuse('token', 'The token is not valid. Sign in again.');
    }
    c.set('user', user!);
    await perUser?.enforce(user!.id, 'this user');
    await next();
  };
}
