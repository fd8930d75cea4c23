import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { ClientContext } from '../../lib/contract';
import { honoPath, routes } from '../../lib/contract/api-routes';
import { noteAudit, requireClientAccess } from '../access';
import type { AppDeps, AppEnv } from '../env';

/** The sidebar's one read: a client's secondments, needs and flag, revalidated by ETag. */
export function contextRoutes(app: Hono<AppEnv>, { store }: AppDeps) {
  app.get(honoPath(routes.getClientContext.path), async (c) => {
    noteAudit(c, 'context.view');
    const clientId = await requireClientAccess(c, store, c.req.param('id'));
    noteAudit(c, 'context.view', { clientId });
    const data = (await store.clientData(clientId, c.get('user')))!;
    // Strong validator over the data itself (asOf excluded): equal bytes of data ⇔ equal tag.
    const etag = `"${createHash('sha256').update(JSON.stringify(data)).digest('base64url').slice(0, 32)}"`;
    const headers = { ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Authorization' };
    if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
    const body = ClientContext.parse({ ...data, asOf: new Date().toISOString() });
    return c.json(body, 200, headers);
  });
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/` is ignored; `*` matches. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').map((t) => t.trim().replace(/^W\//, '')).some((t) => t === '*' || t === etag);
}
