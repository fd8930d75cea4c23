import { z } from 'zod';
import { IsoDate } from '../../../lib/contract/primitives';
import { BillingBasis, CheckIns, SecondmentDirection, SecondmentReview, SecondmentStatus } from '../../../lib/contract/secondment';
import type { FieldSpec } from '../headers';
import { validateRows, type RowCells, type RowSpec, type ValidateOptions } from '../row-spec';
import type { Table } from '../table';
import { Vocabulary, keyText } from '../values';
import { ObjectiveRow, OBJECTIVES_MAX, parseObjectives } from './objectives';
import { EmailCell, IdCell, LongCell, NameCell, ShortCell } from './text-schemas';

/**
 * One row of the programme manager's secondment spreadsheet (issue 10), in the contract's terms
 * (lib/contract/secondment). The client is emitted as the row gives it (firm id and/or name) and
 * the secondee's email, when given, lets the caller link the secondee to a user.
 */
export const SecondmentRow = z.object({
  direction: SecondmentDirection,
  clientId: IdCell.nullable(),
  clientName: NameCell.nullable(),
  person: z.object({ name: NameCell, title: ShortCell, email: EmailCell.nullable() }),
  hostTeam: ShortCell,
  hostContact: z.object({ name: NameCell, title: ShortCell }).nullable(),
  plannedStart: IsoDate,
  plannedEnd: IsoDate,
  actualEnd: IsoDate.nullable(),
  status: SecondmentStatus,
  billingBasis: BillingBasis,
  objectives: z.array(ObjectiveRow).max(OBJECTIVES_MAX),
  checkIns: CheckIns,
  review: z.object({ objectivesMet: SecondmentReview.shape.objectivesMet, summary: LongCell }).nullable(),
  reintegrationPlan: LongCell.nullable(),
});
export type SecondmentRow = z.infer<typeof SecondmentRow>;

export const SECONDMENT_FIELDS: readonly FieldSpec[] = [
  { key: 'direction', label: 'direction', required: true, synonyms: ['secondment direction', 'secondment type', 'type', 'kind', 'in or out', 'inbound or outbound'] },
  { key: 'clientId', label: 'client id', synonyms: ['client number', 'client no', 'client code', 'client ref', 'client reference', 'firm client id'] },
  { key: 'clientName', label: 'client', synonyms: ['client name', 'host', 'host client', 'host organisation', 'host organization', 'organisation', 'organization', 'company', 'placed with'] },
  { key: 'secondeeEmail', label: 'secondee email', synonyms: ['lawyer email', 'email', 'email address', 'person email'] },
  { key: 'secondee', label: 'secondee', required: true, synonyms: ['secondee name', 'lawyer', 'name', 'person', 'lawyer name', 'employee', 'individual', 'seconded lawyer', 'fee earner'] },
  { key: 'secondeeTitle', label: 'secondee title', synonyms: ['title', 'job title', 'position', 'grade', 'role', 'lawyer title'] },
  { key: 'hostTeam', label: 'host team', synonyms: ['team', 'department', 'host department', 'business unit', 'practice group', 'placement team', 'function'] },
  { key: 'mentorTitle', label: 'mentor title', synonyms: ['host contact title', 'supervisor title'] },
  { key: 'mentor', label: 'mentor', synonyms: ['mentor name', 'host contact', 'host contact name', 'supervisor', 'host mentor', 'buddy', 'line manager'] },
  { key: 'plannedStart', label: 'planned start', required: true, synonyms: ['planned start date', 'start', 'start date', 'from', 'begins', 'commencement', 'commencement date'] },
  { key: 'plannedEnd', label: 'planned end', required: true, synonyms: ['planned end date', 'end', 'end date', 'to', 'until', 'scheduled end', 'expected end'] },
  { key: 'actualEnd', label: 'actual end', synonyms: ['actual end date', 'ended', 'actual', 'actual finish', 'return date', 'returned', 'ended on'] },
  { key: 'status', label: 'status', required: true, synonyms: ['secondment status', 'state', 'stage', 'progress'] },
  { key: 'billingBasis', label: 'billing basis', required: true, synonyms: ['billing', 'billing model', 'fee basis', 'fee arrangement', 'charging', 'charge basis', 'fees', 'fee'] },
  { key: 'objectives', label: 'objectives', synonyms: ['goals', 'aims', 'objective', 'goals and objectives'] },
  { key: 'checkInLast', label: 'last check-in', synonyms: ['check-in last', 'check-ins last', 'last check-in date', 'last checkin', 'last meeting'] },
  { key: 'checkInNextDue', label: 'next check-in', synonyms: ['next check-in due', 'check-in next due', 'check-ins next due', 'check-ins next', 'next check-in date', 'next due', 'next meeting'] },
  { key: 'reviewObjectivesMet', label: 'objectives met', synonyms: ['review objectives met', 'met objectives', 'review outcome', 'outcome'] },
  { key: 'review', label: 'review', synonyms: ['review summary', 'end of secondment review', 'end-of-secondment review', 'end review', 'feedback', 'review notes'] },
  { key: 'reintegrationPlan', label: 'reintegration plan', synonyms: ['reintegration', 're-integration plan', 'return plan', 'return to firm plan', 'reintegration notes'] },
];

export const DIRECTIONS = new Vocabulary<SecondmentRow['direction']>('direction', {
  outbound: ['secondment', 'out', 'outward', 'outgoing', 'client secondment', 'to client', 'firm to client'],
  reverse: ['reverse secondment', 'inbound', 'in', 'inward', 'incoming', 'from client', 'client to firm'],
});

export const SECONDMENT_STATUSES = new Vocabulary<SecondmentRow['status']>('status', {
  planned: ['proposed', 'agreed', 'scheduled', 'upcoming', 'not started', 'future', 'confirmed', 'pending', 'booked'],
  active: ['in progress', 'ongoing', 'current', 'live', 'started', 'on secondment', 'in post', 'underway'],
  completed: ['complete', 'finished', 'done', 'ended', 'closed', 'returned', 'over'],
  'ended-early': ['ended early', 'terminated', 'terminated early', 'cut short', 'early end', 'early termination', 'curtailed', 'recalled'],
});

export const BILLING_BASES = new Vocabulary<SecondmentRow['billingBasis']>('billing basis', {
  'flat-fee': ['flat fee', 'fixed fee', 'flat', 'fixed', 'flat rate', 'monthly fee', 'fixed monthly fee', 'retainer'],
  hourly: ['hourly rate', 'hours', 'per hour', 'billed hourly', 'time and materials', 't&m'],
  'cost-recovery': ['cost recovery', 'at cost', 'cost', 'costs', 'cost only', 'recharge', 'salary recharge', 'salary cost'],
  'no-charge': ['no charge', 'free', 'free of charge', 'pro bono', 'nil', 'none', 'unbilled', 'complimentary'],
});

export const OBJECTIVES_MET = new Vocabulary<SecondmentReview['objectivesMet']>('objectives-met answer', {
  all: ['all met', 'fully', 'fully met', 'yes'],
  most: ['mostly', 'mostly met', 'largely', 'most met'],
  some: ['partly', 'partially', 'partially met', 'some met', 'few'],
  none: ['none met', 'not met', 'no'],
});

/**
 * Natural key of a secondment: client (firm id, else name), secondee's name, planned start and
 * direction, names compared case- and space-insensitively. The same person may go to the same
 * client twice, but not starting the same day in the same direction.
 */
export const secondmentNaturalKey = (s: SecondmentRow): string =>
  JSON.stringify([s.clientId !== null ? `id:${s.clientId}` : `name:${keyText(s.clientName ?? '')}`, keyText(s.person.name), s.plannedStart, s.direction]);

/** The review: an "objectives met" column, or the answer before a colon in the review cell ("most: …"). */
function readReview(row: RowCells): SecondmentRow['review'] {
  let summary = row.optionalText('review') ?? '';
  let met = row.line('reviewObjectivesMet') !== '' ? row.pick('reviewObjectivesMet', 'objectives met', OBJECTIVES_MET) : undefined;
  const colon = summary.indexOf(':');
  const prefixed = colon > 0 ? OBJECTIVES_MET.lookup(summary.slice(0, colon)) : undefined;
  if (prefixed !== undefined) {
    if (met !== undefined && met !== prefixed) row.problem('review', `says "${summary.slice(0, colon)}" but objectives met says ${met}`);
    met = prefixed;
    summary = summary.slice(colon + 1).trim();
  }
  if (met === undefined && summary === '') return null;
  if (met === undefined) {
    row.problem('review', 'say whether the objectives were met (all, most, some, none): an "Objectives met" column, or "most: …" before the text');
    return null;
  }
  return { objectivesMet: met, summary };
}

function buildSecondment(row: RowCells) {
  const dateOf = (key: string, label: string, required: boolean) => {
    const date = row.date(key, label);
    if (required && date === null && row.line(key) === '') row.problem(label, 'empty');
    return date;
  };
  const plannedStart = dateOf('plannedStart', 'planned start', true);
  const plannedEnd = dateOf('plannedEnd', 'planned end', true);
  const actualEnd = dateOf('actualEnd', 'actual end', false);
  if (plannedStart !== null && plannedEnd !== null && plannedEnd < plannedStart) {
    row.problem('planned end', `${plannedEnd} is before the planned start ${plannedStart}`);
  }
  if (plannedStart !== null && actualEnd !== null && actualEnd < plannedStart) {
    row.problem('actual end', `${actualEnd} is before the planned start ${plannedStart}`);
  }
  const clientId = row.optionalLine('clientId');
  const clientName = row.optionalLine('clientName');
  if (clientId === null && clientName === null) row.problem('client', 'empty');
  const mentor = row.optionalLine('mentor');
  if (mentor === null && row.line('mentorTitle') !== '') row.problem('mentor', 'a mentor title but no mentor name');
  const objectives = parseObjectives(row.raw('objectives'));
  for (const problem of objectives.problems) row.problem('objectives', problem);
  return {
    direction: row.pick('direction', 'direction', DIRECTIONS),
    clientId,
    clientName,
    person: { name: row.requiredLine('secondee', 'secondee'), title: row.line('secondeeTitle'), email: row.optionalLine('secondeeEmail')?.toLowerCase() ?? null },
    hostTeam: row.line('hostTeam'),
    hostContact: mentor === null ? null : { name: mentor, title: row.line('mentorTitle') },
    plannedStart,
    plannedEnd,
    actualEnd,
    status: row.pick('status', 'status', SECONDMENT_STATUSES),
    billingBasis: row.pick('billingBasis', 'billing basis', BILLING_BASES),
    objectives: objectives.objectives,
    checkIns: { last: dateOf('checkInLast', 'last check-in', false), nextDue: dateOf('checkInNextDue', 'next check-in', false) },
    review: readReview(row),
    reintegrationPlan: row.optionalText('reintegrationPlan'),
  };
}

export const SECONDMENTS_SPEC: RowSpec<SecondmentRow> = {
  entity: 'secondments',
  fields: SECONDMENT_FIELDS,
  oneOf: [['clientId', 'clientName']],
  schema: SecondmentRow,
  pathLabels: {
    clientId: 'client id', clientName: 'client', 'person.name': 'secondee', 'person.title': 'secondee title',
    'person.email': 'secondee email', hostTeam: 'host team', 'hostContact.name': 'mentor', 'hostContact.title': 'mentor title',
    'review.summary': 'review', reintegrationPlan: 'reintegration plan',
  },
  naturalKey: secondmentNaturalKey,
  naturalKeyWords: 'client, secondee, planned start and direction',
  bind: () => buildSecondment,
};

export const validateSecondments = (table: Table, options?: ValidateOptions) => validateRows(table, SECONDMENTS_SPEC, options);
