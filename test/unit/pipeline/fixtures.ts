import type { CandidateFlag } from '@/lib/contract/candidate-flag';
import type { ClientSummary } from '@/lib/contract/client';
import type { Need } from '@/lib/contract/need';
import type { Secondment } from '@/lib/contract/secondment';
import { DAY_MS } from '@/lib/pipeline/book';

/** A fixed clock: 15 June 2026, noon UTC. */
export const NOW = Date.UTC(2026, 5, 15, 12);
export const daysAgo = (days: number) => new Date(NOW - days * DAY_MS).toISOString();

export const client = (id: string, name: string): ClientSummary => ({ id, name, industry: 'Retail' });

let seq = 0;
export function need(over: Partial<Need> = {}): Need {
  seq++;
  return {
    id: `n-${seq}`, clientId: 'c-1', title: `Need ${seq}`, detail: '', practiceArea: 'Employment',
    identifiedBy: { userId: 'u-1', name: 'Sam Okafor' }, identifiedAt: daysAgo(10), sourceSecondmentId: null,
    confidential: false, status: 'new', ...over,
  };
}

export function secondment(over: Partial<Secondment> = {}): Secondment {
  seq++;
  return {
    id: `s-${seq}`, clientId: 'c-1', direction: 'outbound', person: { userId: null, name: `Person ${seq}`, title: 'Associate' },
    hostTeam: 'Legal', hostContact: null, plannedStart: '2026-01-01', plannedEnd: '2026-12-31', actualEnd: null, status: 'active',
    billingBasis: 'flat-fee', objectives: [], checkIns: { last: null, nextDue: null }, review: null, reintegrationPlan: null, ...over,
  };
}

export function flag(over: Partial<CandidateFlag> = {}): CandidateFlag {
  return { clientId: 'c-1', flaggedBy: { userId: 'u-bd', name: 'Priya Shah' }, flaggedAt: daysAgo(3), reason: 'Growing legal team', priority: 'medium', ...over };
}
