import type { ExternalRecord } from '../../lib/contract';
import type { FirmStore } from '../store/firm-store';
import { needParams, secondmentParams } from '../store/rows';
import { NEED_TEMPLATES, OBJECTIVES } from './catalog';
import { addDays, createRng } from './prng';

export type LargeBookSize = { clients: number; secondments: number; needs: number };

/**
 * A synthetic book for benchmarks and the feed tests (20,000 clients, 5,000 secondments, 50,000 needs
 * by default). One transaction over prepared statements: a few seconds at most. Ids are prefixed
 * `lb-` so it can sit beside the demo firm. Clio contact ids start at 100000 (outside the demo's range).
 */
export function seedLargeBook(store: FirmStore, size: Partial<LargeBookSize> = {}): LargeBookSize {
  const n: LargeBookSize = { clients: 20_000, secondments: 5_000, needs: 50_000, ...size };
  const rng = createRng(424242);
  const st = store.statements;
  const today = new Date().toISOString().slice(0, 10);
  const industries = ['Banking', 'Insurance', 'Retail', 'Technology', 'Energy & Utilities', 'Manufacturing', 'Healthcare', 'Logistics & Supply Chain'];
  const words = ['Atlas', 'Beacon', 'Cedar', 'Delta', 'Ember', 'Falcon', 'Granite', 'Harbour', 'Iris', 'Juniper', 'Kite', 'Linden', 'Maple', 'Nova', 'Onyx', 'Pioneer'];
  const suffixes = ['Ltd', 'plc', 'Group', 'Holdings', 'LLP', 'Partners'];
  const clientId = (i: number) => `lb-c-${i}`;

  store.transaction(() => {
    for (let i = 0; i < n.clients; i++) {
      const id = clientId(i);
      const seq = store.nextSeq();
      st.insertClient.run({ id, name: `${rng.pick(words)} ${rng.pick(words)} ${rng.pick(suffixes)} ${i}`, industry: rng.pick(industries), seq });
      const rec: ExternalRecord = { system: 'clio', kind: 'contact', externalId: String(100_000 + i), tenant: 'app.clio.com' };
      st.insertMapping.run({
        id: `lb-m-${i}`, client_id: id, system: rec.system, kind: rec.kind, external_id: rec.externalId, tenant: rec.tenant,
        created_by_user_id: null, created_by_name: null, created_at: null,
      });
    }
    for (let i = 0; i < n.secondments; i++) {
      const start = addDays(today, -rng.int(0, 1500));
      st.insertSecondment.run(secondmentParams({
        id: `lb-s-${i}`, clientId: clientId(rng.int(0, n.clients - 1)), direction: 'outbound',
        person: { userId: null, name: `Secondee ${i}`, title: 'Associate' }, hostTeam: 'Group Legal',
        hostContact: { name: 'General Counsel', title: 'General Counsel' }, plannedStart: start, plannedEnd: addDays(start, 182),
        actualEnd: null, status: 'active', billingBasis: 'flat-fee',
        objectives: [{ id: `lb-s-${i}-o1`, category: 'relationship', description: OBJECTIVES.relationship[0]!, status: 'open' }],
        checkIns: { last: null, nextDue: null }, review: null, reintegrationPlan: null,
      }, store.nextSeq()));
    }
    for (let i = 0; i < n.needs; i++) {
      const tpl = rng.pick(NEED_TEMPLATES);
      st.insertNeed.run(needParams({
        id: `lb-n-${i}`, clientId: clientId(rng.int(0, n.clients - 1)), title: tpl.title, detail: tpl.detail,
        practiceArea: tpl.area, identifiedBy: { userId: null, name: 'Synthetic' }, identifiedAt: `${today}T09:00:00Z`,
        sourceSecondmentId: null, confidential: false, status: 'new',
      }, store.nextSeq()));
    }
  });
  return n;
}
