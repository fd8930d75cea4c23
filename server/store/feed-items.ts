import { Change } from '../../lib/contract';
import type { ClientRow, FlagRow, MappingRow, NeedRow, SecondmentRow, Viewer } from './rows';
import { toClient, toFlag, toNeed, toSecondment } from './rows';

/** One entry of a feed page before it is checked: the row's `seq` and table name for the report. */
export type FeedItem = { seq: number; entity: string; change: Change };
/** A feed row that did not satisfy the contract: left out of the page, reported to the audit trail. */
export type SkippedChange = { entity: string; seq: number; clientId: string | null; reason: string };
export type TombstoneRow = { seq: number; entity: 'client' | 'secondment' | 'need' | 'flag'; client_id: string; entity_id: string };

/** Rows as feed items, each change built the way the contract says. */
export const feedItem = {
  client: (r: ClientRow, mappings: MappingRow[]): FeedItem => ({ seq: r.seq, entity: 'client', change: { type: 'client.upsert', client: toClient(r, mappings) } }),
  secondment: (r: SecondmentRow): FeedItem => ({ seq: r.seq, entity: 'secondment', change: { type: 'secondment.upsert', secondment: safely(() => toSecondment(r)) } }),
  need: (r: NeedRow, viewer: Viewer): FeedItem => ({ seq: r.seq, entity: 'need', change: { type: 'need.upsert', need: toNeed(r, viewer) } }),
  flag: (r: FlagRow): FeedItem => ({ seq: r.seq, entity: 'flag', change: { type: 'flag.set', flag: toFlag(r) } }),
  tombstone: (r: TombstoneRow): FeedItem => ({ seq: r.seq, entity: 'tombstone', change: tombstoneChange(r) }),
};

/** Mappings grouped by client id, in the order given. */
export function mappingsByClient(rows: readonly MappingRow[]): Map<string, MappingRow[]> {
  const byClient = new Map<string, MappingRow[]>();
  for (const m of rows) {
    const list = byClient.get(m.client_id);
    if (list) list.push(m); else byClient.set(m.client_id, [m]);
  }
  return byClient;
}

/**
 * Every change is checked against the contract before it is sent: a row that cannot satisfy it
 * (say, data loaded around the API) is left out and reported, never allowed to stop every user's sync.
 */
export function checkFeedItems(items: readonly FeedItem[]): { changes: Change[]; skipped: SkippedChange[] } {
  const changes: Change[] = [];
  const skipped: SkippedChange[] = [];
  for (const item of items) {
    const checked = Change.safeParse(item.change);
    if (checked.success) changes.push(checked.data);
    else skipped.push({ entity: item.entity, seq: item.seq, clientId: clientOf(item.change), reason: describe(checked.error) });
  }
  return { changes, skipped };
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
