import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { ProblemError } from './problem';
import type { RateLimiter } from './rate-limit';
import type { FirmStore } from './store/firm-store';

const BEARER = /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)[ ]*$/i;

/**
 * Bearer-token authentication (RFC 6750). The token itself is never logged nor echoed; a refused
 * token (unknown, revoked, or its user disabled) is recorded in the audit trail as `signin.failed`.
 * A signed-in user then spends one request of their budget.
 */
export function bearerAuth(store: FirmStore, perUser?: RateLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) {
      throw new ProblemError(401, 'Sign in: send Authorization: Bearer <token>.', { headers: { 'WWW-Authenticate': 'Bearer realm="secondment-lens"' } });
    }
    const match = BEARER.exec(header);
    const user = match ? store.userByToken(match[1]!) : null;
    if (!user) {
      c.set('audit', { action: 'signin.failed', target: new URL(c.req.url).pathname.slice(0, 200) });
      throw new ProblemError(401, 'The token is not valid. Sign in again.', {
        headers: { 'WWW-Authenticate': 'Bearer realm="secondment-lens", error="invalid_token"' },
      });
    }
    c.set('user', user);
    perUser?.enforce(user.id, 'this user');
    await next();
  };
}
