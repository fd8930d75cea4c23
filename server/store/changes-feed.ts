import type Database from 'better-sqlite3';
import type { Change, ChangesPage } from '../../lib/contract';
import {
  toClient, toFlag, toNeed, toSecondment,
  type ClientRow, type FlagRow, type MappingRow, type NeedRow, type SecondmentRow,
} from './rows';

type Item = { seq: number; change: Change };
type TombstoneRow = { seq: number; entity: 'client' | 'secondment' | 'need' | 'flag'; client_id: string; entity_id: string };

/**
 * The per-user delta feed. Every row carries its own `seq` (unique, from one counter), so the feed is
 * a merge of a few index range scans `seq > since ORDER BY seq LIMIT n+1`: the first n+1 of the merge
 * are necessarily among the first n+1 of each table. Walled clients are filtered in SQL.
 */
export function createChangesReader(db: Database.Database) {
  const notWalled = `NOT IN (SELECT client_id FROM walls WHERE user_id = @user)`;
  const q = {
    clients: db.prepare<{ user: string; since: number; n: number }, ClientRow>(
      `SELECT * FROM clients WHERE seq > @since AND id ${notWalled} ORDER BY seq LIMIT @n`),
    mappings: db.prepare<[string], MappingRow>(
      `SELECT * FROM mappings WHERE client_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`),
    secondments: db.prepare<{ user: string; since: number; n: number }, SecondmentRow>(
      `SELECT * FROM secondments WHERE seq > @since AND client_id ${notWalled} ORDER BY seq LIMIT @n`),
    needs: db.prepare<{ user: string; since: number; n: number }, NeedRow>(
      `SELECT * FROM needs WHERE seq > @since AND client_id ${notWalled} ORDER BY seq LIMIT @n`),
    flags: db.prepare<{ user: string; since: number; n: number }, FlagRow>(
      `SELECT * FROM flags WHERE seq > @since AND client_id ${notWalled} ORDER BY seq LIMIT @n`),
    tombstones: db.prepare<{ user: string; since: number; n: number }, TombstoneRow>(
      `SELECT * FROM tombstones WHERE seq > @since AND client_id ${notWalled} ORDER BY seq LIMIT @n`),
    // A revoke only for a client the user could have seen before `since`: a fresh sync needs none,
    // and announcing a client created after `since` would leak that it exists.
    revokes: db.prepare<{ user: string; since: number; n: number }, { client_id: string; seq: number }>(
      `SELECT w.client_id, w.seq FROM walls w LEFT JOIN clients c ON c.id = w.client_id
       WHERE w.user_id = @user AND w.seq > @since AND COALESCE(c.created_seq, 0) <= @since
       ORDER BY w.seq LIMIT @n`),
    head: db.prepare<[], number>(`SELECT seq FROM counter WHERE id = 1`).pluck(),
  };

  const read = (userId: string, since: number, limit: number): ChangesPage => {
    const p = { user: userId, since, n: limit + 1 };
    const items: Item[] = [];

    const clientRows = q.clients.all(p);
    if (clientRows.length) {
      const byClient = new Map<string, MappingRow[]>();
      for (const m of q.mappings.all(JSON.stringify(clientRows.map((r) => r.id)))) {
        const list = byClient.get(m.client_id);
        if (list) list.push(m); else byClient.set(m.client_id, [m]);
      }
      for (const r of clientRows) items.push({ seq: r.seq, change: { type: 'client.upsert', client: toClient(r, byClient.get(r.id) ?? []) } });
    }
    for (const r of q.secondments.all(p)) items.push({ seq: r.seq, change: { type: 'secondment.upsert', secondment: toSecondment(r) } });
    for (const r of q.needs.all(p)) items.push({ seq: r.seq, change: { type: 'need.upsert', need: toNeed(r) } });
    for (const r of q.flags.all(p)) items.push({ seq: r.seq, change: { type: 'flag.set', flag: toFlag(r) } });
    for (const r of q.tombstones.all(p)) items.push({ seq: r.seq, change: tombstoneChange(r) });
    for (const r of q.revokes.all(p)) items.push({ seq: r.seq, change: { type: 'access.revoke', clientId: r.client_id } });

    items.sort((a, b) => a.seq - b.seq);
    const hasMore = items.length > limit;
    const page = items.slice(0, limit);
    // At the end of the feed the cursor jumps to the counter's head (same read snapshot), so the
    // next poll does not rescan writes the user may not see (other users' walls).
    const nextCursor = hasMore ? page[page.length - 1]!.seq : Math.max(since, q.head.get() ?? 0);
    return { changes: page.map((i) => i.change), nextCursor: String(nextCursor), hasMore };
  };
  // One read transaction: a consistent snapshot across the tables even while writes go on.
  return db.transaction(read);
}

function tombstoneChange(r: TombstoneRow): Change {
  switch (r.entity) {
    case 'client': return { type: 'client.delete', clientId: r.client_id };
    case 'secondment': return { type: 'secondment.delete', clientId: r.client_id, secondmentId: r.entity_id };
    case 'need': return { type: 'need.delete', clientId: r.client_id, needId: r.entity_id };
    case 'flag': return { type: 'flag.clear', clientId: r.client_id };
  }
}
