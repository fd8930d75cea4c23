import type {
  ExternalRecord, Need, NeedStatus, Objective, ObjectiveCategory, ObjectiveStatus, Secondment, SecondmentStatus,
} from '../../lib/contract';
import type { FirmStore } from '../store/firm-store';
import {
  CLIENT_FIRST_NAMES, CLIENT_LAST_NAMES, FIRM_HOST_TEAMS, FIRM_LAWYERS, FIRM_MENTORS, FLAG_REASONS, HOST_CONTACT_TITLES,
  HOST_TEAMS, NEED_TEMPLATES, OBJECTIVES, OTHER_CLIENTS, PRACTICE_AREAS, ENDED_EARLY_SUMMARY, REINTEGRATION_PLANS, REVIEW_SUMMARIES,
} from './catalog';
import {
  CLIO_TENANT, DEMO_CLIENTS, DEMO_RECORDS, DEMO_SEED, DEMO_USERS, DEMO_WALLS, HUBSPOT_PORTAL,
  NORTHWIND_ACTIVE_OUTBOUND_ID, NORTHWIND_ACTIVE_REVERSE_ID, SALESFORCE_TENANT,
} from './demo-ids';
import { addDays, createRng, type Rng } from './prng';

export const DEMO_SECONDMENT_COUNT = 60;
export const DEMO_NEED_COUNT = 80;

export type SeedOptions = {
  /** "Today" for the demo's relative dates (`YYYY-MM-DD`); default: the current UTC day. */
  today?: string;
};

type Person = { userId: string | null; name: string; title: string };
type SecondmentPlan = {
  id: string; clientId: string; direction: 'outbound' | 'reverse'; status: SecondmentStatus; person: Person;
  /** Days from today to the planned start (negative: in the past) and length in days. */
  startOffset: number; length: number;
};

/**
 * Seeds the demo firm "Marsh Okafor LLP" into an empty store, in one transaction. Deterministic for a
 * given `today`: choices come from a seeded PRNG, never Math.random.
 */
export async function seedDemoFirm(store: FirmStore, opts: SeedOptions = {}): Promise<void> {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const rng = createRng(DEMO_SEED);
  const clients = [...Object.values(DEMO_CLIENTS), ...OTHER_CLIENTS];

  await store.transaction(async () => {
    await store.setPracticeAreas(PRACTICE_AREAS);
    for (const u of Object.values(DEMO_USERS)) await store.insertUser({ ...u });

    for (const [i, c] of clients.entries()) await store.insertClient({ ...c, externalIds: recordsFor(c.id, i) });
    for (const w of DEMO_WALLS) await store.raiseWall(w.userId, w.clientId);

    const plans = secondmentPlans(rng, clients.map((c) => c.id));
    const secondments = plans.map((p) => buildSecondment(rng, today, p)).map(withFirmMentor);
    for (const s of secondments) await store.insertSecondment(s);

    for (const n of buildNeeds(rng, today, clients.map((c) => c.id), secondments).map(withTriage)) await store.insertNeed(n);

    const bd = DEMO_USERS.bd;
    const flagged = [DEMO_CLIENTS.northwind.id, 'c-kestrel-bank', 'c-vale-telecom', 'c-orchard-pharma'];
    for (const [i, clientId] of flagged.entries()) {
      await store.setFlag({
        clientId,
        flaggedBy: { userId: bd.id, name: bd.name },
        flaggedAt: `${addDays(today, -(7 + i * 11))}T10:${String(10 + i * 7).padStart(2, '0')}:00Z`,
        reason: FLAG_REASONS[i % FLAG_REASONS.length]!,
        priority: (['high', 'medium', 'high', 'low'] as const)[i]!,
        version: `seed${i + 1}`, // deterministic, like the rest of the demo
      });
    }
  });
}

/** Clio contacts 1001–1099 and matters 5001+, a Salesforce Account and a HubSpot company per client. */
function recordsFor(clientId: string, index: number): ExternalRecord[] {
  const clio = (kind: 'contact' | 'matter', externalId: string): ExternalRecord => ({ system: 'clio', kind, externalId, tenant: CLIO_TENANT });
  const sf = (n: number): ExternalRecord => ({ system: 'salesforce', kind: 'client', externalId: `001Dn00000Xk${String(n).padStart(4, '0')}IAC`, tenant: SALESFORCE_TENANT });
  const hs = (n: number): ExternalRecord => ({ system: 'hubspot', kind: 'client', externalId: String(12345000 + n), tenant: HUBSPOT_PORTAL });
  switch (clientId) {
    case DEMO_CLIENTS.northwind.id:
      return [DEMO_RECORDS.northwindClioContact, DEMO_RECORDS.northwindClioMatter, DEMO_RECORDS.northwindSalesforceAccount, DEMO_RECORDS.northwindHubspotCompany];
    case DEMO_CLIENTS.harbor.id:
      return [DEMO_RECORDS.harborClioContact, clio('matter', '5002'), sf(2), hs(2)];
    case DEMO_CLIENTS.aldgate.id:
      return [DEMO_RECORDS.aldgateClioContact, clio('matter', '5003'), sf(3), hs(3)];
    case DEMO_CLIENTS.aldgateHoldings.id:
      return [DEMO_RECORDS.aldgateClioContact, clio('matter', '5004'), sf(4)];
    default: {
      // index 4.. → contact 1004.., two matters each from 5005
      const contact = 1000 + index;
      const matter = 5005 + (index - 4) * 2;
      return [clio('contact', String(contact)), clio('matter', String(matter)), clio('matter', String(matter + 1)), sf(index + 1), hs(index + 1)];
    }
  }
}

function secondmentPlans(rng: Rng, clientIds: string[]): SecondmentPlan[] {
  const nw = DEMO_CLIENTS.northwind.id;
  const sam = DEMO_USERS.secondee;
  const lawyer = (i: number): Person => ({ userId: null, name: FIRM_LAWYERS[i]!.name, title: FIRM_LAWYERS[i]!.title });
  const plans: SecondmentPlan[] = [
    // Northwind: exactly two active (Sam outbound, one reverse), four past, one planned.
    { id: NORTHWIND_ACTIVE_OUTBOUND_ID, clientId: nw, direction: 'outbound', status: 'active', person: { userId: sam.id, name: sam.name, title: sam.title }, startOffset: -96, length: 273 },
    { id: NORTHWIND_ACTIVE_REVERSE_ID, clientId: nw, direction: 'reverse', status: 'active', person: { userId: null, name: 'Aisha Verma', title: 'Legal Counsel, Northwind Logistics' }, startOffset: -40, length: 120 },
    { id: 's-northwind-price', clientId: nw, direction: 'outbound', status: 'completed', person: lawyer(0), startOffset: -1180, length: 182 },
    { id: 's-northwind-adeyemi', clientId: nw, direction: 'outbound', status: 'completed', person: lawyer(2), startOffset: -860, length: 273 },
    { id: 's-northwind-brennan', clientId: nw, direction: 'outbound', status: 'ended-early', person: lawyer(3), startOffset: -520, length: 240 },
    { id: 's-northwind-reverse-holt', clientId: nw, direction: 'reverse', status: 'completed', person: { userId: null, name: 'James Holt', title: 'Contracts Manager, Northwind Logistics' }, startOffset: -400, length: 90 },
    { id: 's-northwind-planned-iyer', clientId: nw, direction: 'outbound', status: 'planned', person: lawyer(4), startOffset: 75, length: 182 },
    // Sam's earlier placement elsewhere.
    { id: 's-kestrel-okafor', clientId: 'c-kestrel-bank', direction: 'outbound', status: 'completed', person: { userId: sam.id, name: sam.name, title: 'Associate, Commercial' }, startOffset: -700, length: 150 },
  ];
  const others = clientIds.filter((id) => id !== nw);
  const statuses: SecondmentStatus[] = ['completed', 'completed', 'completed', 'active', 'active', 'planned', 'ended-early'];
  for (let i = 0; plans.length < DEMO_SECONDMENT_COUNT; i++) {
    // Round-robin over clients first, so that every client has a history; then at random.
    const clientId = i < others.length ? others[i]! : rng.pick(others);
    const direction = rng.chance(0.75) ? 'outbound' : 'reverse';
    const status = rng.pick(statuses);
    const person: Person = direction === 'outbound'
      ? lawyer(rng.int(0, FIRM_LAWYERS.length - 1))
      : { userId: null, name: `${rng.pick(CLIENT_FIRST_NAMES)} ${rng.pick(CLIENT_LAST_NAMES)}`, title: rng.pick(['Legal Counsel', 'Senior Legal Counsel', 'Contracts Manager', 'Paralegal', 'Compliance Manager']) };
    const length = rng.pick([91, 122, 182, 273, 365, 456]);
    const startOffset = status === 'planned' ? rng.int(14, 160)
      : status === 'active' ? -rng.int(15, Math.max(16, length - 20))
      : -rng.int(length + 30, 1500);
    plans.push({ id: `s-${String(i + 1).padStart(3, '0')}`, clientId, direction, status, person, startOffset, length });
  }
  return plans;
}

function buildSecondment(rng: Rng, today: string, p: SecondmentPlan): Secondment {
  const plannedStart = addDays(today, p.startOffset);
  const plannedEnd = addDays(plannedStart, p.length);
  const past = p.status === 'completed' || p.status === 'ended-early';
  const actualEnd = p.status === 'completed' ? plannedEnd
    : p.status === 'ended-early' ? addDays(plannedStart, Math.floor(p.length * 0.55)) : null;

  const categories = rng.sample(Object.keys(OBJECTIVES) as ObjectiveCategory[], rng.int(2, 4));
  const objectives: Objective[] = categories.map((category, i) => ({
    id: `${p.id}-o${i + 1}`,
    category,
    description: rng.pick(OBJECTIVES[category]),
    status: objectiveStatus(rng, p.status),
  }));

  // Monthly check-ins: an active secondment's next one may already be overdue (as in real programmes).
  let checkIns: Secondment['checkIns'];
  if (p.status === 'active') {
    const last = addDays(today, -Math.min(rng.int(3, 55), -p.startOffset));
    checkIns = { last, nextDue: addDays(last, 30) };
  } else if (past) {
    checkIns = { last: addDays(actualEnd!, -rng.int(1, 10)), nextDue: null };
  } else {
    checkIns = { last: null, nextDue: addDays(plannedStart, 14) };
  }

  const met = objectives.filter((o) => o.status === 'met').length;
  let review: Secondment['review'] = null;
  if (p.status === 'completed') {
    const objectivesMet = met === objectives.length ? 'all' : met >= objectives.length / 2 ? 'most' : met > 0 ? 'some' : 'none';
    review = { objectivesMet, summary: REVIEW_SUMMARIES[objectivesMet] };
  } else if (p.status === 'ended-early') {
    review = { objectivesMet: met > 0 ? 'some' : 'none', summary: ENDED_EARLY_SUMMARY };
  }

  const outbound = p.direction === 'outbound';
  const mentorName = `${rng.pick(CLIENT_FIRST_NAMES)} ${rng.pick(CLIENT_LAST_NAMES)}`;
  return {
    id: p.id,
    clientId: p.clientId,
    direction: p.direction,
    person: p.person,
    hostTeam: outbound ? rng.pick(HOST_TEAMS) : rng.pick(FIRM_HOST_TEAMS),
    hostContact: outbound ? { name: mentorName, title: rng.pick(HOST_CONTACT_TITLES) } : rng.pick(FIRM_MENTORS),
    plannedStart,
    plannedEnd,
    actualEnd,
    status: p.status,
    billingBasis: outbound ? rng.pick(['flat-fee', 'flat-fee', 'flat-fee', 'cost-recovery', 'hourly'] as const) : 'no-charge',
    objectives,
    checkIns,
    review,
    reintegrationPlan: p.status === 'planned' ? null
      : outbound ? rng.pick(REINTEGRATION_PLANS)
      : 'Return to the in-house team with a handover note; keep the firm mentor as a point of contact for six months.',
  };
}

/**
 * The partner who looks after an outbound secondee on the firm's side. Derived from the id, not the
 * PRNG, so the rest of the demo stays as it was: Sam's Northwind placement is Eleanor Marsh's.
 */
function withFirmMentor(s: Secondment, index: number): Secondment {
  if (s.direction !== 'outbound') return { ...s, firmMentor: null };
  if (s.id === NORTHWIND_ACTIVE_OUTBOUND_ID || index % 3 === 0) return { ...s, firmMentor: { userId: DEMO_USERS.partner.id, name: DEMO_USERS.partner.name } };
  return { ...s, firmMentor: { userId: null, name: FIRM_MENTORS[index % FIRM_MENTORS.length]!.name } };
}

/**
 * Triage history for the board and the chart: needs past `new` have a BD or partner owner and were
 * moved on by BD a few weeks after they were noticed; won needs carry the Clio matter they became.
 * Derived from the index (not the PRNG) so the rest of the demo is unchanged.
 */
function withTriage(n: Need, index: number): Need {
  if (n.status === 'new') return { ...n, owner: null, matter: null, statusChangedBy: null, statusChangedAt: null };
  const bd = DEMO_USERS.bd;
  const partner = DEMO_USERS.partner;
  const owner = index % 2 === 0 ? { userId: bd.id, name: bd.name } : { userId: partner.id, name: partner.name };
  const movedAt = new Date(Date.parse(n.identifiedAt) + (10 + (index % 30)) * 86_400_000);
  const statusChangedAt = (movedAt.getTime() > Date.now() ? new Date(Date.parse(n.identifiedAt) + 3600_000) : movedAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    ...n,
    owner,
    matter: n.status === 'won' ? { system: 'clio', kind: 'matter', externalId: String(7000 + index), tenant: CLIO_TENANT } : null,
    statusChangedBy: { userId: bd.id, name: bd.name },
    statusChangedAt,
  };
}

function objectiveStatus(rng: Rng, s: SecondmentStatus): ObjectiveStatus {
  switch (s) {
    case 'planned': return 'open';
    case 'active': return rng.pick(['open', 'in-progress', 'in-progress', 'met'] as const);
    case 'completed': return rng.pick(['met', 'met', 'met', 'not-met', 'dropped'] as const);
    case 'ended-early': return rng.pick(['met', 'not-met', 'not-met', 'dropped'] as const);
  }
}

function buildNeeds(rng: Rng, today: string, clientIds: string[], secondments: Secondment[]): Need[] {
  const nw = DEMO_CLIENTS.northwind.id;
  const bySecondmentClient = (id: string) => secondments.filter((s) => s.clientId === id && s.direction === 'outbound' && s.status !== 'planned');
  const partner = DEMO_USERS.partner;
  const statuses: NeedStatus[] = ['new', 'new', 'qualified', 'qualified', 'pursuing', 'won', 'declined'];
  const needs: Need[] = [];
  const others = clientIds.filter((id) => id !== nw);

  for (let i = 0; needs.length < DEMO_NEED_COUNT; i++) {
    // The first seven are Northwind's (the sidebar's showcase); the rest spread over the book.
    const clientId = i < 7 ? nw : i - 7 < others.length ? others[i - 7]! : rng.pick(others);
    const tpl = i < 7 ? NEED_TEMPLATES[i * 2 % NEED_TEMPLATES.length]! : rng.pick(NEED_TEMPLATES);
    const sources = bySecondmentClient(clientId);
    const source = sources.length && rng.chance(0.7) ? rng.pick(sources) : null;
    let identifiedAt: string;
    let identifiedBy: Need['identifiedBy'];
    if (source) {
      const end = source.actualEnd ?? today;
      const span = Math.max(1, daysBetween(source.plannedStart, end < today ? end : today));
      identifiedAt = addDays(source.plannedStart, rng.int(1, span));
      identifiedBy = { userId: source.person.userId, name: source.person.name };
    } else {
      identifiedAt = addDays(today, -rng.int(1, 400));
      identifiedBy = rng.chance(0.5) ? { userId: partner.id, name: partner.name } : { userId: null, name: rng.pick(FIRM_MENTORS).name };
    }
    needs.push({
      id: `n-${String(i + 1).padStart(4, '0')}`,
      clientId,
      title: tpl.title,
      detail: tpl.detail,
      practiceArea: tpl.area,
      identifiedBy,
      identifiedAt: `${identifiedAt}T${String(rng.int(8, 18)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00Z`,
      sourceSecondmentId: source?.id ?? null,
      confidential: rng.chance(0.2),
      status: i < 7 ? (['new', 'qualified', 'pursuing', 'won', 'new', 'declined', 'qualified'] as const)[i]! : rng.pick(statuses),
    });
  }
  return needs;
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
