import type { ChangesPage } from '../../lib/contract';
import type { SqlDatabase } from './database';
import { statement } from './database';
import { formatFeedCursor } from './feed-cursor';
import { checkFeedItems, type FeedItem, feedItem, mappingsByClient, type SkippedChange, type TombstoneRow } from './feed-items';
import type { ClientRow, FlagRow, MappingRow, NeedRow, SecondmentRow, Viewer } from './rows';

/**
 * A first sync (`since=0`), client by client. The delta feed comes in change order, so a page of
 * needs names thousands of clients and the extension must file each of them again page after page;
 * here every client comes whole on one page (tombstones, record, secondments, needs, flag), in
 * client-id order, and each page holds as many whole clients as fit in `limit` changes (one client
 * larger than `limit` still comes whole, alone).
 *
 * What the snapshot shows is bounded by `head`, the user's last visible change when it began:
 * clients created after it, and tombstones after it, are left to the delta feed that follows from
 * `head`, which also re-sends anything changed meanwhile (a client already sent, a wall raised on
 * it: its revoke names only clients created by `head`, which is exactly what the snapshot sent).
 * Each page is one read transaction; ids compare byte-wise in both databases (PostgreSQL: COLLATE "C").
 */
export function createSnapshotReader(db: SqlDatabase) {
  const id = (column: string) => (db.dialect === 'postgres' ? `${column} COLLATE "C"` : column);
  const notWalled = `NOT IN (SELECT client_id FROM walls WHERE user_id = @user)`;
  const inRange = (column: string) => `${id(column)} > @after AND ${id(column)} <= @last`;
  const q = {
    clients: statement<ClientRow>(db, `SELECT * FROM clients WHERE ${id('id')} > @after AND created_seq <= @head AND id ${notWalled}
      ORDER BY ${id('id')} LIMIT @n`),
    secondmentCounts: statement<{ client_id: string; n: number }>(db, `SELECT client_id, COUNT(*) AS n FROM secondments WHERE ${inRange('client_id')} GROUP BY client_id`),
    needCounts: statement<{ client_id: string; n: number }>(db, `SELECT client_id, COUNT(*) AS n FROM needs WHERE ${inRange('client_id')} GROUP BY client_id`),
    flagged: statement<{ client_id: string }>(db, `SELECT client_id FROM flags WHERE ${inRange('client_id')}`),
    tombstoneCounts: statement<{ client_id: string; n: number }>(db, `SELECT client_id, COUNT(*) AS n FROM tombstones
      WHERE ${inRange('client_id')} AND seq <= @head AND client_id ${notWalled} GROUP BY client_id`),
    secondments: statement<SecondmentRow>(db, `SELECT * FROM secondments WHERE ${inRange('client_id')} ORDER BY ${id('client_id')}, seq`),
    needs: statement<NeedRow>(db, `SELECT * FROM needs WHERE ${inRange('client_id')} ORDER BY ${id('client_id')}, seq`),
    flags: statement<FlagRow>(db, `SELECT * FROM flags WHERE ${inRange('client_id')}`),
    tombstones: statement<TombstoneRow>(db, `SELECT * FROM tombstones WHERE ${inRange('client_id')} AND seq <= @head AND client_id ${notWalled}
      ORDER BY ${id('client_id')}, seq`),
    mappings: statement<MappingRow>(db, `SELECT * FROM mappings WHERE client_id IN (?) ORDER BY rowid`),
    // The user's last visible change: the cursor a delta feed from 0 would end on.
    head: ['clients', 'secondments', 'needs', 'flags', 'tombstones'].map((table) => statement<{ seq: number }>(db,
      `SELECT seq FROM ${table} WHERE ${table === 'clients' ? 'id' : 'client_id'} ${notWalled} ORDER BY seq DESC LIMIT 1`)),
  };

  const visibleHead = async (user: string): Promise<number> => {
    let head = 0;
    for (const s of q.head) head = Math.max(head, (await s.get({ user }))?.seq ?? 0);
    return head;
  };

  const read = async (viewer: Viewer, from: { head: number; after: string } | null, limit: number): Promise<{ page: ChangesPage; skipped: SkippedChange[] }> => {
    const head = from?.head ?? (await visibleHead(viewer.id));
    if (!from && head === 0) return { page: { changes: [], nextCursor: '0', hasMore: false }, skipped: [] };
    const after = from?.after ?? ''; // every id sorts after ''
    const user = viewer.id;

    // At most `limit` clients can fit; one more tells whether the book goes on past them.
    const clientRows = await q.clients.all({ user, after, head, n: limit + 1 });
    const more = clientRows.length > limit;
    const window = more ? clientRows.slice(0, limit) : clientRows;
    const range = { user, after, head, last: more ? window[window.length - 1]!.id : END };

    // How many changes each id in the range would take, to cut the page at a whole client.
    const cost = new Map<string, number>();
    const add = (clientId: string, n: number) => cost.set(clientId, (cost.get(clientId) ?? 0) + n);
    const visible = new Set(window.map((r) => r.id));
    for (const r of window) add(r.id, 1);
    for (const counts of [await q.secondmentCounts.all(range), await q.needCounts.all(range)]) {
      for (const c of counts) if (visible.has(c.client_id)) add(c.client_id, c.n);
    }
    for (const f of await q.flagged.all(range)) if (visible.has(f.client_id)) add(f.client_id, 1);
    for (const t of await q.tombstoneCounts.all(range)) add(t.client_id, t.n); // also of clients deleted since
    const ids = [...cost.keys()].sort(byBytes);
    const taken: string[] = [];
    let total = 0;
    for (const clientId of ids) {
      const n = cost.get(clientId)!;
      if (taken.length > 0 && total + n > limit) break;
      taken.push(clientId);
      total += n;
    }
    const done = !more && taken.length === ids.length;
    const last = done ? END : taken[taken.length - 1]!;
    const rows = { user, after, head, last };
    const chosen = new Set(taken);

    const group = <R extends { client_id: string }>(list: R[], keep: (r: R) => boolean) => {
      const byClient = new Map<string, R[]>();
      for (const r of list) {
        if (!keep(r)) continue;
        const l = byClient.get(r.client_id);
        if (l) l.push(r); else byClient.set(r.client_id, [r]);
      }
      return byClient;
    };
    const isSent = (r: { client_id: string }) => visible.has(r.client_id) && chosen.has(r.client_id);
    const tombstones = group(await q.tombstones.all(rows), (r) => chosen.has(r.client_id));
    const secondments = group(await q.secondments.all(rows), isSent);
    const needs = group(await q.needs.all(rows), isSent);
    const flags = group(await q.flags.all(rows), isSent);
    const sentClients = window.filter((r) => chosen.has(r.id));
    const mappings = mappingsByClient(sentClients.length ? await q.mappings.all(sentClients.map((r) => r.id)) : []);
    const clientById = new Map(sentClients.map((r) => [r.id, r]));

    const items: FeedItem[] = [];
    for (const clientId of taken) {
      for (const t of tombstones.get(clientId) ?? []) items.push(feedItem.tombstone(t));
      const client = clientById.get(clientId);
      if (!client) continue; // a client deleted since: its tombstones only
      items.push(feedItem.client(client, mappings.get(clientId) ?? []));
      for (const s of secondments.get(clientId) ?? []) items.push(feedItem.secondment(s));
      for (const n of needs.get(clientId) ?? []) items.push(feedItem.need(n, viewer));
      for (const f of flags.get(clientId) ?? []) items.push(feedItem.flag(f));
    }
    const { changes, skipped } = checkFeedItems(items);
    if (!done) return { page: { changes, nextCursor: formatFeedCursor({ kind: 'snapshot', head, after: last }), hasMore: true }, skipped };
    // The snapshot is out: from here the delta feed, at once if anything changed while it was read.
    return { page: { changes, nextCursor: formatFeedCursor({ kind: 'delta', since: head }), hasMore: (await visibleHead(user)) > head }, skipped };
  };
  return (viewer: Viewer, from: { head: number; after: string } | null, limit: number) => db.transaction(() => read(viewer, from, limit), 'read');
}

/** Above every id the contract allows (they are ASCII), byte-wise in both databases and in JS. */
const END = '\u{10FFFF}';

/** Code-unit order: for the contract's ASCII ids the order SQLite's BINARY and PostgreSQL's "C" give. */
function byBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
