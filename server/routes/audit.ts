import type { Hono } from 'hono';
import { AuditPage } from '../../lib/contract';
import { AuditQuery, honoPath, routes } from '../../lib/contract/api-routes';
import { noteAudit, requireRole } from '../access';
import { readQuery } from '../body';
import type { AppDeps, AppEnv } from '../env';
import { toAuditEntry } from '../store/audit-log';

/** Risk & Compliance read the audit trail: oldest first, filtered, paged by an opaque cursor. */
export function auditRoutes(app: Hono<AppEnv>, { store }: AppDeps) {
  app.get(honoPath(routes.getAudit.path), async (c) => {
    noteAudit(c, 'audit.read');
    requireRole(c.get('user'), 'risk', 'read the audit trail');
    const q = readQuery(c, AuditQuery);
    noteAudit(c, 'audit.read', { clientId: q.clientId ?? null, target: new URL(c.req.url).search.slice(0, 300) || null });
    const rows = await store.audit.query({ clientId: q.clientId, userId: q.userId, action: q.action, since: q.since, afterSeq: q.cursor ? Number(q.cursor) : 0, limit: q.limit + 1 });
    const hasMore = rows.length > q.limit;
    const page = rows.slice(0, q.limit);
    return c.json(AuditPage.parse({
      entries: page.map(toAuditEntry),
      hasMore,
      ...(hasMore ? { nextCursor: String(page[page.length - 1]!.seq) } : {}),
    }), 200, { 'Cache-Control': 'private, no-store' });
  });
}
