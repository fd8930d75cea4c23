import type { Hono } from 'hono';
import { ChangesQuery, honoPath, routes } from '../../lib/contract/api-routes';
import { noteAudit } from '../access';
import { feedPageJson } from '../store/feed-page-json';
import { readQuery } from '../body';
import type { AppDeps, AppEnv } from '../env';

/** The per-user delta feed that keeps the extension's cache in step. */
export function changesRoutes(app: Hono<AppEnv>, { store }: AppDeps) {
  app.get(honoPath(routes.getChanges.path), async (c) => {
    const { since, limit } = readQuery(c, ChangesQuery);
    const user = c.get('user');
    const { page, skipped } = await store.changes(user, Number(since), limit);
    noteAudit(c, 'changes.read', { target: `since ${since}: ${page.changes.length} change(s)${skipped.length ? `, ${skipped.length} left out` : ''}` });
    // Each row the contract refused is reported once (not on every user's every poll).
    for (const s of skipped) {
      if (await store.noteSkippedChange(s)) {
        await store.audit.append({ userId: null, action: 'feed.skipped', clientId: s.clientId, target: `${s.entity} at ${s.seq}: ${s.reason}`, status: 0, requestId: c.get('requestId') });
      }
    }
    // Written out here rather than by c.json: checked rows go out as the text the database wrote.
    return c.body(feedPageJson(page), 200, { 'Content-Type': 'application/json', 'Cache-Control': 'private, no-store' });
  });
}
