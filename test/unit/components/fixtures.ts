import type { SidebarActions } from '@/components/sidebar/actions';
import type { CandidateFlag } from '@/lib/contract/candidate-flag';
import type { Need } from '@/lib/contract/need';
import type { Secondment } from '@/lib/contract/secondment';
import type { User } from '@/lib/contract/user';
import type { OutboxItemView } from '@/lib/messaging/outbox-item-view';
import type { RecordRefMessage } from '@/lib/messaging/record-ref-schema';
import { type ReadyView, SidebarView } from '@/lib/messaging/sidebar-view';
import type { Result } from '@/lib/messaging/result';

/** A fixed clock, 11 June 2026 at 14:30 local time, so ages and days left are deterministic. */
export const NOW = new Date(2026, 5, 11, 14, 30).getTime();
const at = (daysAgo: number, hour = 10, minute = 0) => new Date(2026, 5, 11 - daysAgo, hour, minute).toISOString();

export const RECORD: RecordRefMessage = { system: 'clio', kind: 'contact', externalId: '1001', tenant: 'app.clio.com', label: 'Northwind Logistics plc' };

export const PARTNER: User = { id: 'u-partner', name: 'Eleanor Marsh', email: 'eleanor.marsh@marshokafor.example', role: 'lawyer' };
export const SECONDEE: User = { id: 'u-associate', name: 'Sam Okafor', email: 'sam.okafor@marshokafor.example', role: 'lawyer' };
export const BD: User = { id: 'u-bd', name: 'Priya Shah', email: 'priya.shah@marshokafor.example', role: 'bd' };

const base: Pick<Secondment, 'clientId' | 'billingBasis' | 'actualEnd' | 'review' | 'reintegrationPlan' | 'checkIns' | 'objectives'> = {
  clientId: 'c-northwind', billingBasis: 'flat-fee', actualEnd: null, review: null, reintegrationPlan: null,
  checkIns: { last: null, nextDue: null }, objectives: [],
};

export const SAM_ACTIVE: Secondment = {
  ...base, id: 's-northwind-okafor', direction: 'outbound', status: 'active',
  person: { userId: SECONDEE.id, name: 'Sam Okafor', title: 'Senior Associate, Commercial' },
  hostTeam: 'Group Legal', hostContact: { name: 'Helen Cho', title: 'General Counsel' },
  plannedStart: '2026-03-07', plannedEnd: '2026-12-05',
  checkIns: { last: '2026-05-01', nextDue: '2026-06-01' }, // ten days overdue on NOW
  objectives: [
    { id: 'o1', category: 'relationship', description: 'Build ties with the procurement team', status: 'in-progress' },
    { id: 'o2', category: 'skills', description: 'Learn the in-house contract workflow', status: 'met' },
  ],
};
export const VERMA_REVERSE: Secondment = {
  ...base, id: 's-northwind-reverse-verma', direction: 'reverse', status: 'active',
  person: { userId: null, name: 'Aisha Verma', title: 'Legal Counsel, Northwind Logistics' },
  hostTeam: 'Commercial', hostContact: null, plannedStart: '2026-05-02', plannedEnd: '2026-06-21',
  checkIns: { last: null, nextDue: '2026-06-18' },
  objectives: [{ id: 'o3', category: 'knowledge-exchange', description: 'Shadow a share purchase', status: 'open' }],
};
export const IYER_PLANNED: Secondment = {
  ...base, id: 's-northwind-planned-iyer', direction: 'outbound', status: 'planned',
  person: { userId: null, name: 'Ravi Iyer', title: 'Associate, Real Estate' },
  hostTeam: 'Property', hostContact: null, plannedStart: '2026-08-25', plannedEnd: '2027-02-23',
};
export const PRICE_PAST: Secondment = {
  ...base, id: 's-northwind-price', direction: 'outbound', status: 'completed',
  person: { userId: null, name: 'Tom Price', title: 'Associate, Commercial' },
  hostTeam: 'Group Legal', hostContact: null, plannedStart: '2023-03-10', plannedEnd: '2023-09-08', actualEnd: '2023-09-08',
  review: { objectivesMet: 'most', summary: 'Strong relationship with procurement; two new matters.' },
};
export const BRENNAN_EARLY: Secondment = {
  ...base, id: 's-northwind-brennan', direction: 'outbound', status: 'ended-early',
  person: { userId: null, name: 'Niamh Brennan', title: 'Associate, Employment' },
  hostTeam: 'HR Legal', hostContact: null, plannedStart: '2025-01-06', plannedEnd: '2025-09-03', actualEnd: '2025-05-30',
  objectives: [
    { id: 'o4', category: 'skills', description: 'Run an employment tribunal claim', status: 'met' },
    { id: 'o5', category: 'business-development', description: 'Pitch the TUPE work', status: 'not-met' },
    { id: 'o6', category: 'relationship', description: 'Meet the regional HR heads', status: 'dropped' },
  ],
};

const need = (id: string, title: string, status: Need['status'], daysAgo: number, extra: Partial<Need> = {}): Need => ({
  id, clientId: 'c-northwind', title, detail: '', practiceArea: 'Employment', identifiedBy: { userId: SECONDEE.id, name: 'Sam Okafor' },
  identifiedAt: at(daysAgo), sourceSecondmentId: null, confidential: false, status, ...extra,
});

export const NEEDS: Need[] = [
  need('n-gdpr', 'GDPR review of the new HR system', 'new', 3, { practiceArea: 'Data Protection', sourceSecondmentId: SAM_ACTIVE.id, confidential: true, detail: 'Rollout in Q3.' }),
  need('n-depot', 'Dutch employment contracts for Rotterdam depot', 'qualified', 20),
  need('n-lease', 'Warehouse lease renewals', 'pursuing', 40, { practiceArea: 'Real Estate' }),
  need('n-won', 'Supplier terms refresh', 'won', 90, { practiceArea: 'Commercial' }),
  need('n-declined', 'Customs classification audit', 'declined', 120, { practiceArea: 'Trade' }),
];

export const FLAG: CandidateFlag = {
  clientId: 'c-northwind', flaggedBy: { userId: BD.id, name: 'Priya Shah' }, flaggedAt: at(7, 10, 10),
  reason: 'Expanding into the Netherlands; GC asked about a second secondee.', priority: 'high',
};

export const PRACTICE_AREAS = ['Commercial', 'Data Protection', 'Employment', 'Real Estate', 'Trade'];

export function readyView(overrides: Partial<ReadyView> = {}, context: Partial<ReadyView['context']> = {}): ReadyView {
  const view: ReadyView = {
    status: 'ready',
    record: RECORD,
    me: PARTNER,
    context: {
      client: { id: 'c-northwind', name: 'Northwind Logistics plc', industry: 'Logistics & Supply Chain', externalIds: [] },
      secondments: [SAM_ACTIVE, VERMA_REVERSE, IYER_PLANNED, PRICE_PAST, BRENNAN_EARLY],
      needs: NEEDS,
      candidateFlag: FLAG,
      asOf: at(0, 14, 28),
      ...context,
    },
    freshness: { fetchedAt: at(0, 14, 28), state: 'fresh' },
    outbox: [],
    practiceAreas: PRACTICE_AREAS,
    ...overrides,
  };
  // Every fixture is a view the background could really push.
  return SidebarView.parse(view) as ReadyView;
}

export function outboxNeed(state: OutboxItemView['state'], extra: Partial<OutboxItemView> = {}): OutboxItemView {
  return {
    id: `ob-${state}`, clientId: 'c-northwind', createdAt: at(0, 14, 0), state, attempts: 0,
    payload: { kind: 'need', need: { title: `Need that is ${state}`, practiceArea: 'Commercial', detail: 'Typed earlier', confidential: false, sourceSecondmentId: null } },
    ...extra,
  };
}

const okResult: Result<unknown> = { ok: true, value: null };

/** Actions that record their calls; each test overrides what it needs. */
export function fakeActions(overrides: Partial<SidebarActions> = {}) {
  const calls: { name: string; args: unknown[] }[] = [];
  const record = <A extends unknown[], R>(name: string, answer: (...args: A) => R) => (...args: A): R => {
    calls.push({ name, args });
    return answer(...args);
  };
  const actions: SidebarActions = {
    refresh: record('refresh', () => undefined),
    logNeed: record('logNeed', async () => okResult),
    setFlag: record('setFlag', async () => okResult),
    clearFlag: record('clearFlag', async () => okResult),
    triageNeed: record('triageNeed', async () => okResult),
    recordCheckIn: record('recordCheckIn', async () => okResult),
    setObjectiveStatus: record('setObjectiveStatus', async () => okResult),
    discardOutboxItem: record('discardOutboxItem', async () => okResult),
    reapplyOutboxItem: record('reapplyOutboxItem', async () => okResult),
    copyText: record('copyText', async () => true),
    retryOutbox: record('retryOutbox', () => undefined),
    pickClient: record('pickClient', async () => okResult),
    searchClients: record('searchClients', async () => ({ ok: true as const, value: [] })),
    linkRecord: record('linkRecord', async () => okResult),
    setCollapsed: record('setCollapsed', () => undefined),
    openOptions: record('openOptions', () => undefined),
  };
  for (const [name, fn] of Object.entries(overrides)) (actions as unknown as Record<string, unknown>)[name] = record(name, fn as (...a: unknown[]) => unknown);
  return { actions, calls, called: (name: string) => calls.filter((c) => c.name === name) };
}
