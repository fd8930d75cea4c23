import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import type { FirmStore } from './store/firm-store';

/**
 * Gives every request an id (echoed as `X-Request-Id`) and, once the answer is known, writes the
 * route's audit note with the user and the status. Runs outside the error handler, so refusals
 * (404 behind a wall, 401 for a bad token) are recorded with the status the caller got.
 */
export function auditTrail(store: FirmStore): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = randomUUID();
    c.set('requestId', requestId);
    c.set('audit', undefined);
    await next();
    c.header('X-Request-Id', requestId);
    const note = c.get('audit');
    if (!note) return;
    await store.audit.append({
      userId: c.get('user')?.id ?? null,
      action: note.action,
      clientId: note.clientId ?? null,
      target: note.target ?? null,
      disclosed: note.disclosed,
      status: c.res.status,
      requestId,
    });
  };
}
