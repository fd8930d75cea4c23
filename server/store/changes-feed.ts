import type { ChangesPage } from '../../lib/contract';
import { createSnapshotReader } from './changes-snapshot';
import type { SqlDatabase } from './database';
import { statement } from './database';
import { parseFeedCursor } from './feed-cursor';
import { checkFeedItems, type FeedItem, feedItem, mappingsByClient, type SkippedChange, type TombstoneRow } from './feed-items';
import type { ClientRow, FlagRow, MappingRow, NeedRow, SecondmentRow, Viewer } from './rows';

export type { SkippedChange } from './feed-items';

/**
 * The per-user change feed. From `since=0` it is a snapshot, client by client (changes-snapshot.ts);
 * from a whole-number cursor it is the delta feed. Every row carries its own `seq` (unique, from one
 * counter), so the delta feed is a merge of a few index range scans `seq > since ORDER BY seq LIMIT
 * n+1`: the first n+1 of the merge are necessarily among the first n+1 of each table. Walled clients
 * are filtered in SQL.
 *
 * Every change is checked against the contract before it is sent (feed-items.ts). The cursor moves
 * past a change left out, and only ever to rows this user may see: at the end of the feed it stays on
 * the user's last visible change rather than the global head, so its movement tells nothing of other
 * users' or walled clients' writes.
 */
export function createChangesReader(db: SqlDatabase) {
  const notWalled = `NOT IN (SELECT client_id FROM walls WHERE user_id = @user)`;
  const q = {
    clients: statement<ClientRow>(db, `SELECT * FROM clients WHERE seq > @since AND id ${notWalled} ORDER BY seq LIMIT @n`),
    mappings: statement<MappingRow>(db, `SELECT * FROM mappings WHERE client_id IN (?) ORDER BY rowid`),
    secondments: statement<SecondmentRow>(db, `SELECT * FROM secondments WHERE seq > @since AND client_id ${notWalled} ORDER BY seq LIMIT @n`),
    needs: statement<NeedRow>(db, `SELECT * FROM needs WHERE seq > @since AND client_id ${notWalled} ORDER BY seq LIMIT @n`),
    flags: statement<FlagRow>(db, `SELECT * FROM flags WHERE seq > @since AND client_id ${notWalled} ORDER BY seq LIMIT @n`),
    tombstones: statement<TombstoneRow>(db, `SELECT * FROM tombstones WHERE seq > @since AND client_id ${notWalled} ORDER BY seq LIMIT @n`),
    // A revoke only for a client the user could have seen before `since`: a fresh sync needs none,
    // and announcing a client created after `since` would leak that it exists.
    revokes: statement<{ client_id: string; seq: number }>(db, `SELECT w.client_id, w.seq FROM walls w LEFT JOIN clients c ON c.id = w.client_id
       WHERE w.user_id = @user AND w.seq > @since AND COALESCE(c.created_seq, 0) <= @since
       ORDER BY w.seq LIMIT @n`),
  };

  const readDelta = async (viewer: Viewer, since: number, limit: number): Promise<{ page: ChangesPage; skipped: SkippedChange[] }> => {
    const p = { user: viewer.id, since, n: limit + 1 };
    const items: FeedItem[] = [];

    const clientRows = await q.clients.all(p);
    if (clientRows.length) {
      const mappings = mappingsByClient(await q.mappings.all(clientRows.map((r) => r.id)));
      for (const r of clientRows) items.push(feedItem.client(r, mappings.get(r.id) ?? []));
    }
    for (const r of await q.secondments.all(p)) items.push(feedItem.secondment(r));
    for (const r of await q.needs.all(p)) items.push(feedItem.need(r, viewer));
    for (const r of await q.flags.all(p)) items.push(feedItem.flag(r));
    for (const r of await q.tombstones.all(p)) items.push(feedItem.tombstone(r));
    for (const r of await q.revokes.all(p)) items.push({ seq: r.seq, entity: 'wall', change: { type: 'access.revoke', clientId: r.client_id } });

    items.sort((a, b) => a.seq - b.seq);
    const hasMore = items.length > limit;
    const page = items.slice(0, limit);
    const nextCursor = page.length ? page[page.length - 1]!.seq : since;
    const { changes, skipped } = checkFeedItems(page);
    return { page: { changes, nextCursor: String(nextCursor), hasMore }, skipped };
  };
  const readSnapshot = createSnapshotReader(db);

  // One read transaction a page: a consistent snapshot across the tables even while writes go on.
  return (viewer: Viewer, cursor: string, limit: number) => {
    if (cursor === '0') return readSnapshot(viewer, null, limit);
    const at = parseFeedCursor(cursor);
    if (at.kind === 'snapshot') return readSnapshot(viewer, at, limit);
    return db.transaction(() => readDelta(viewer, at.since, limit), 'read');
  };
}
