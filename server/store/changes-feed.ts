import type { Change, Need } from '../../lib/contract';
import { parseChange } from '../../lib/sync/parse-change';
import { CheckedChangeTexts } from './checked-change-texts';
import type { SqlDatabase } from './database';
import { statement } from './database';
import { ChangeJson, type FeedPage } from './feed-page-json';
import { CLIENT_JSON, NEED_JSON, SECONDMENT_JSON } from './feed-row-json';
import {
  needAsSeenBy, seesNeedInFull, toClient, toFlag, toNeed, toSecondment,
  type ClientRow, type FlagRow, type MappingRow, type NeedRow, type SecondmentRow, type Viewer,
} from './rows';

/** A feed row: built as an object, or (SQLite's clients, needs and secondments) as the entity's JSON text, null if unreadable. */
type Item =
  | { seq: number; entity: string; change: Change }
  | { seq: number; entity: 'client' | 'need' | 'secondment'; id: string; clientId: unknown; json: string | null };
/** A client, need or secondment row as JSON text (SQLite): what the feed needs besides the text. */
type JsonRow = { seq: number; id: string; client_id: unknown; json: string | null };
type NeedJsonRow = JsonRow & { confidential: number; identified_by_user_id: string | null };
const UPSERT = { client: 'client.upsert', need: 'need.upsert', secondment: 'secondment.upsert' } as const;
/** The upsert of a client, need or secondment whose JSON text passed the contract check whole. */
function checkedUpsert(entity: keyof typeof UPSERT, text: string): ChangeJson {
  return new ChangeJson(`{"type":"${UPSERT[entity]}","${entity}":${text}}`);
}
/** A feed row that did not satisfy the contract: left out of the page, reported to the audit trail. */
export type SkippedChange = { entity: string; seq: number; clientId: string | null; reason: string };
type TombstoneRow = { seq: number; entity: 'client' | 'secondment' | 'need' | 'flag'; client_id: string; entity_id: string };

/**
 * The per-user delta feed. Every row carries its own `seq` (unique, from one counter), so a page is
 * found as a merge of a few index range scans `seq > since ORDER BY seq LIMIT n+1` over the numbers
 * alone (the first n+1 of the merge are necessarily among the first n+1 of each table), and then
 * only its rows are read and built: a full sync no longer reads every table's next n rows on
 * every page to keep a third of them. Walled clients are filtered in SQL.
 *
 * Every change is checked against the contract before it is sent: a row that cannot satisfy it
 * (say, data loaded around the API) is left out and reported, never allowed to stop every user's
 * sync. The cursor moves past it, and only ever to rows this user may see: at the end of the feed
 * it stays on the user's last visible change rather than the global head, so its movement tells
 * nothing of other users' or walled clients' writes.
 *
 * On SQLite, clients, needs and secondments (all of a book but flags and deletions) come out of
 * the database as JSON text (feed-row-json.ts), and a text that passed the check before is sent
 * again unparsed (checked-change-texts.ts); PostgreSQL's rows are built as objects.
 */
export function createChangesReader(db: SqlDatabase) {
  const notWalled = `NOT IN (SELECT client_id FROM walls WHERE user_id = @user)`;
  // A revoke only for a client the user could have seen: created by `since` (the feed may have
  // sent it), or one a successful answer to them named (`disclosures`, kept by the audit trail: a
  // look-up or a resolve's matches put a client in the cache that the feed has not reached, and a
  // cache that restarts its feed from 0 keeps the clients viewed lately). Announcing any other
  // would leak that it exists.
  const revokable = `FROM walls w LEFT JOIN clients c ON c.id = w.client_id
       WHERE w.user_id = @user AND w.seq > @since AND w.seq <= @upto
         AND (COALESCE(c.created_seq, 0) <= @since
           OR EXISTS (SELECT 1 FROM disclosures d WHERE d.user_id = @user AND d.client_id = w.client_id))`;
  const visible = {
    clients: `FROM clients WHERE seq > @since AND seq <= @upto AND id ${notWalled}`,
    secondments: `FROM secondments WHERE seq > @since AND seq <= @upto AND client_id ${notWalled}`,
    needs: `FROM needs WHERE seq > @since AND seq <= @upto AND client_id ${notWalled}`,
    flags: `FROM flags WHERE seq > @since AND seq <= @upto AND client_id ${notWalled}`,
    tombstones: `FROM tombstones WHERE seq > @since AND seq <= @upto AND client_id ${notWalled}`,
  };
  const firstSeqs = (from: string, seq = 'seq') => `SELECT ${seq} AS seq ${from} ORDER BY ${seq} LIMIT @n`;
  const q = {
    // The page's numbers first (the first n+1 of the merge are among the first n+1 of each table),
    // then only the rows up to the page's last: a table's rows past it are neither read nor built.
    seqs: statement<{ seq: number }>(db, `SELECT seq FROM (
      ${Object.values(visible).map((from, i) => `SELECT seq FROM (${firstSeqs(from)}) AS t${i}`).join(' UNION ALL ')}
      UNION ALL SELECT seq FROM (${firstSeqs(revokable, 'w.seq')}) AS r
    ) AS merged ORDER BY seq LIMIT @n`),
    clients: statement<ClientRow>(db, `SELECT * ${visible.clients} ORDER BY seq`),
    mappings: statement<MappingRow>(db, `SELECT * FROM mappings WHERE client_id IN (?) ORDER BY rowid`),
    secondments: statement<SecondmentRow>(db, `SELECT * ${visible.secondments} ORDER BY seq`),
    needs: statement<NeedRow>(db, `SELECT * ${visible.needs} ORDER BY seq`),
    clientJson: statement<JsonRow>(db, `SELECT seq, id, id AS client_id, ${CLIENT_JSON} AS json ${visible.clients} ORDER BY seq`),
    secondmentJson: statement<JsonRow>(db, `SELECT seq, id, client_id, ${SECONDMENT_JSON} AS json ${visible.secondments} ORDER BY seq`),
    needJson: statement<NeedJsonRow>(db, `SELECT seq, id, client_id, confidential, identified_by_user_id, ${NEED_JSON} AS json ${visible.needs} ORDER BY seq`),
    flags: statement<FlagRow>(db, `SELECT * ${visible.flags} ORDER BY seq`),
    tombstones: statement<TombstoneRow>(db, `SELECT * ${visible.tombstones} ORDER BY seq`),
    revokes: statement<{ client_id: string; seq: number }>(db, `SELECT w.client_id, w.seq ${revokable} ORDER BY w.seq`),
  };

  const asJson = db.dialect === 'sqlite';
  const checkedTexts = new CheckedChangeTexts();

  /** A page's clients, secondments and needs as SQLite's JSON (confidential needs the viewer may not read in full, redacted as objects). */
  const readAsJson = async (p: { user: string; since: number; upto: number }, viewer: Viewer): Promise<Item[]> => {
    const items: Item[] = [];
    for (const r of await q.clientJson.all(p)) items.push({ seq: r.seq, entity: 'client', id: r.id, clientId: r.client_id, json: r.json });
    for (const r of await q.secondmentJson.all(p)) items.push({ seq: r.seq, entity: 'secondment', id: r.id, clientId: r.client_id, json: r.json });
    for (const r of await q.needJson.all(p)) {
      if (seesNeedInFull(r.confidential === 1, r.identified_by_user_id, viewer)) items.push({ seq: r.seq, entity: 'need', id: r.id, clientId: r.client_id, json: r.json });
      else items.push({ seq: r.seq, entity: 'need', change: { type: 'need.upsert', need: r.json === null ? (null as unknown as Need) : needAsSeenBy(JSON.parse(r.json) as Need, viewer) } });
    }
    return items;
  };

  const read = async (viewer: Viewer, since: number, limit: number): Promise<{ page: FeedPage; skipped: SkippedChange[] }> => {
    const seqs = await q.seqs.all({ user: viewer.id, since, upto: Number.MAX_SAFE_INTEGER, n: limit + 1 });
    const hasMore = seqs.length > limit;
    const p = { user: viewer.id, since, upto: hasMore ? seqs[limit - 1]!.seq : Number.MAX_SAFE_INTEGER };
    const items: Item[] = [];

    // SQLite's JSON, or the objects when SQLite cannot write it (json_object refuses a BLOB, which a
    // text column may hold when loaded around the API): the page is then built as before, and the
    // contract check leaves out the row at fault.
    const jsonItems = asJson ? await readAsJson(p, viewer).catch(() => null) : null;
    if (jsonItems) items.push(...jsonItems);
    const clientRows = jsonItems ? [] : await q.clients.all(p);
    if (clientRows.length) {
      const byClient = new Map<string, MappingRow[]>();
      for (const m of await q.mappings.all(clientRows.map((r) => r.id))) {
        const list = byClient.get(m.client_id);
        if (list) list.push(m); else byClient.set(m.client_id, [m]);
      }
      for (const r of clientRows) items.push({ seq: r.seq, entity: 'client', change: { type: 'client.upsert', client: toClient(r, byClient.get(r.id) ?? []) } });
    }
    if (!jsonItems) {
      for (const r of await q.secondments.all(p)) items.push({ seq: r.seq, entity: 'secondment', change: { type: 'secondment.upsert', secondment: safely(() => toSecondment(r)) } });
      for (const r of await q.needs.all(p)) items.push({ seq: r.seq, entity: 'need', change: { type: 'need.upsert', need: safely(() => toNeed(r, viewer)) } });
    }
    for (const r of await q.flags.all(p)) items.push({ seq: r.seq, entity: 'flag', change: { type: 'flag.set', flag: toFlag(r) } });
    for (const r of await q.tombstones.all(p)) items.push({ seq: r.seq, entity: 'tombstone', change: tombstoneChange(r) });
    for (const r of await q.revokes.all(p)) items.push({ seq: r.seq, entity: 'wall', change: { type: 'access.revoke', clientId: r.client_id } });

    items.sort((a, b) => a.seq - b.seq); // the page: exactly the rows numbered up to `upto`
    const nextCursor = items.length ? items[items.length - 1]!.seq : since;
    const changes: FeedPage['changes'] = [];
    const skipped: SkippedChange[] = [];
    for (const item of items) {
      if ('json' in item) {
        const upsert = UPSERT[item.entity];
        const key = `${item.entity}:${item.id}`;
        if (item.json !== null && checkedTexts.passed(key, item.json)) {
          changes.push(checkedUpsert(item.entity, item.json));
          continue;
        }
        const entity: unknown = item.json === null ? null : JSON.parse(item.json);
        const checked = parseChange({ type: upsert, [item.entity]: entity });
        if (!checked.success) {
          skipped.push({ entity: item.entity, seq: item.seq, clientId: typeof item.clientId === 'string' ? item.clientId.slice(0, 64) : null, reason: describe(checked.error) });
          continue;
        }
        // The check strips keys the contract does not know (a stored JSON column may carry some):
        // only a text the check left whole is sent as it is, and remembered. (When zod had the last
        // word its data is a new object, never the text.)
        const whole = (checked.data as Record<string, unknown>)[item.entity] === entity;
        const text = whole ? JSON.stringify(entity) : null;
        if (text !== null && text === item.json) {
          changes.push(checkedUpsert(item.entity, text));
          checkedTexts.remember(key, text);
        } else changes.push(checked.data);
        continue;
      }
      // The precompiled check first, as in the extension's worker: zod on every row was ~0.18 s of
      // the ~1.5 s of CPU a user's full sync costs here (bench/feed-serving.ts).
      const checked = parseChange(item.change);
      if (checked.success) changes.push(checked.data);
      else skipped.push({ entity: item.entity, seq: item.seq, clientId: clientOf(item.change), reason: describe(checked.error) });
    }
    return { page: { changes, nextCursor: String(nextCursor), hasMore }, skipped };
  };
  // One read transaction: a consistent snapshot across the tables even while writes go on.
  return (viewer: Viewer, since: number, limit: number) => db.transaction(() => read(viewer, since, limit), 'read');
}

/** A row whose stored JSON cannot even be read becomes a change that fails validation, not a crash. */
function safely<T>(build: () => T): T {
  try {
    return build();
  } catch {
    return null as T;
  }
}

function clientOf(change: Change): string | null {
  const c = change as { clientId?: unknown; client?: { id?: unknown }; secondment?: { clientId?: unknown }; need?: { clientId?: unknown }; flag?: { clientId?: unknown } };
  const id = c.clientId ?? c.client?.id ?? c.secondment?.clientId ?? c.need?.clientId ?? c.flag?.clientId;
  return typeof id === 'string' ? id.slice(0, 64) : null;
}

function describe(error: import('zod').ZodError): string {
  return error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

function tombstoneChange(r: TombstoneRow): Change {
  switch (r.entity) {
    case 'client': return { type: 'client.delete', clientId: r.client_id };
    case 'secondment': return { type: 'secondment.delete', clientId: r.client_id, secondmentId: r.entity_id };
    case 'need': return { type: 'need.delete', clientId: r.client_id, needId: r.entity_id };
    case 'flag': return { type: 'flag.clear', clientId: r.client_id };
  }
}
