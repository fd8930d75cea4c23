import type { ExternalRecord } from '../../lib/contract';
import type { FirmStore } from '../store/firm-store';
import type { SqlDatabase } from '../store/database';
import { needParams, secondmentParams } from '../store/rows';
import { NEED_TEMPLATES, OBJECTIVES } from './catalog';
import { addDays, createRng } from './prng';

export type LargeBookSize = { clients: number; secondments: number; needs: number };

/**
 * A synthetic book for benchmarks and the feed tests (20,000 clients, 5,000 secondments, 50,000 needs
 * by default). One transaction of multi-row inserts (a round trip per row would take minutes on PostgreSQL). Ids are prefixed
 * `lb-` so it can sit beside the demo firm. Clio contact ids start at 100000 (outside the demo's range).
 */
export async function seedLargeBook(store: FirmStore, size: Partial<LargeBookSize> = {}): Promise<LargeBookSize> {
  const n: LargeBookSize = { clients: 20_000, secondments: 5_000, needs: 50_000, ...size };
  const rng = createRng(424242);
  const today = new Date().toISOString().slice(0, 10);
  const industries = ['Banking', 'Insurance', 'Retail', 'Technology', 'Energy & Utilities', 'Manufacturing', 'Healthcare', 'Logistics & Supply Chain'];
  const words = ['Atlas', 'Beacon', 'Cedar', 'Delta', 'Ember', 'Falcon', 'Granite', 'Harbour', 'Iris', 'Juniper', 'Kite', 'Linden', 'Maple', 'Nova', 'Onyx', 'Pioneer'];
  const suffixes = ['Ltd', 'plc', 'Group', 'Holdings', 'LLP', 'Partners'];
  const clientId = (i: number) => `lb-c-${i}`;

  const clients: Record<string, unknown>[] = [];
  const mappings: Record<string, unknown>[] = [];
  const secondments: Record<string, unknown>[] = [];
  const needs: Record<string, unknown>[] = [];
  await store.transaction(async () => {
    let seq = await store.reserveSeqs(n.clients + n.secondments + n.needs);
    for (let i = 0; i < n.clients; i++) {
      const id = clientId(i);
      clients.push({ id, name: `${rng.pick(words)} ${rng.pick(words)} ${rng.pick(suffixes)} ${i}`, industry: rng.pick(industries), created_seq: seq, seq: seq++ });
      const rec: ExternalRecord = { system: 'clio', kind: 'contact', externalId: String(100_000 + i), tenant: 'app.clio.com' };
      mappings.push({
        id: `lb-m-${i}`, client_id: id, system: rec.system, kind: rec.kind, external_id: rec.externalId, tenant: rec.tenant,
        created_by_user_id: null, created_by_name: null, created_at: null,
      });
    }
    for (let i = 0; i < n.secondments; i++) {
      const start = addDays(today, -rng.int(0, 1500));
      secondments.push(secondmentParams({
        id: `lb-s-${i}`, clientId: clientId(rng.int(0, n.clients - 1)), direction: 'outbound',
        person: { userId: null, name: `Secondee ${i}`, title: 'Associate' }, hostTeam: 'Group Legal',
        hostContact: { name: 'General Counsel', title: 'General Counsel' }, plannedStart: start, plannedEnd: addDays(start, 182),
        actualEnd: null, status: 'active', billingBasis: 'flat-fee',
        objectives: [{ id: `lb-s-${i}-o1`, category: 'relationship', description: OBJECTIVES.relationship[0]!, status: 'open' }],
        checkIns: { last: null, nextDue: null }, review: null, reintegrationPlan: null,
      }, seq++));
    }
    for (let i = 0; i < n.needs; i++) {
      const tpl = rng.pick(NEED_TEMPLATES);
      needs.push(needParams({
        id: `lb-n-${i}`, clientId: clientId(rng.int(0, n.clients - 1)), title: tpl.title, detail: tpl.detail,
        practiceArea: tpl.area, identifiedBy: { userId: null, name: 'Synthetic' }, identifiedAt: `${today}T09:00:00Z`,
        sourceSecondmentId: null, confidential: false, status: 'new',
      }, seq++));
    }
    await insertRows(store.sql, 'clients', clients);
    await insertRows(store.sql, 'mappings', mappings);
    await insertRows(store.sql, 'secondments', secondments);
    await insertRows(store.sql, 'needs', needs);
  });
  return n;
}

/** Multi-row INSERTs, a few hundred rows per statement (under both databases' parameter limits). */
async function insertRows(db: SqlDatabase, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!);
  const perStatement = Math.floor(30_000 / columns.length);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    // Table and column names are this file's constants; every value is a bound parameter.
    await db.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`,
      chunk.flatMap((r) => columns.map((c) => r[c])));
  }
}
