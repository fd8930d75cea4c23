import { type CandidateFlag, type Client, type ExternalRecord, type Mapping, type Need, REDACTED_NEED_TITLE, type Secondment, type UserRole } from '../../lib/contract';

/** Who is reading: confidential needs are shown in full only to their author, `bd` and `risk`. */
export type Viewer = { id: string; role: UserRole };

/** Row shapes as SQLite returns them, and their mapping to the contract's objects. */

export type ClientRow = { id: string; name: string; industry: string; seq: number; created_seq: number };
export type MappingRow = {
  id: string; client_id: string; system: string; kind: string; external_id: string; tenant: string | null;
  created_by_user_id: string | null; created_by_name: string | null; created_at: string | null;
};
export type SecondmentRow = {
  id: string; client_id: string; direction: string; person_user_id: string | null; person_name: string;
  person_title: string; host_team: string; host_contact_json: string | null; planned_start: string;
  planned_end: string; actual_end: string | null; status: string; billing_basis: string;
  objectives_json: string; checkin_last: string | null; checkin_next_due: string | null;
  review_json: string | null; reintegration_plan: string | null; seq: number;
  firm_mentor_user_id: string | null; firm_mentor_name: string | null; version: number;
};
export type NeedRow = {
  id: string; client_id: string; title: string; detail: string; practice_area: string;
  identified_by_user_id: string | null; identified_by_name: string; identified_at: string;
  source_secondment_id: string | null; confidential: number; status: string; seq: number;
  owner_user_id: string | null; owner_name: string | null; matter_json: string | null;
  status_changed_by_user_id: string | null; status_changed_by_name: string | null; status_changed_at: string | null;
  version: number;
};
export type FlagRow = {
  client_id: string; flagged_by_user_id: string | null; flagged_by_name: string; flagged_at: string;
  reason: string; priority: string; version: string; seq: number;
};

export function toExternalRecord(row: MappingRow): ExternalRecord {
  return { system: row.system, kind: row.kind, externalId: row.external_id, tenant: row.tenant } as ExternalRecord;
}

export function toMapping(row: MappingRow): Mapping {
  return {
    id: row.id, clientId: row.client_id, record: toExternalRecord(row),
    createdBy: row.created_by_name ? { userId: row.created_by_user_id, name: row.created_by_name } : null,
    createdAt: row.created_at,
  };
}

export function toClient(row: ClientRow, mappings: MappingRow[]): Client {
  return { id: row.id, name: row.name, industry: row.industry, externalIds: mappings.map(toExternalRecord) };
}

export function toSecondment(row: SecondmentRow): Secondment {
  return {
    id: row.id,
    clientId: row.client_id,
    direction: row.direction,
    person: { userId: row.person_user_id, name: row.person_name, title: row.person_title },
    hostTeam: row.host_team,
    hostContact: row.host_contact_json ? JSON.parse(row.host_contact_json) : null,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    actualEnd: row.actual_end,
    status: row.status,
    billingBasis: row.billing_basis,
    objectives: JSON.parse(row.objectives_json),
    checkIns: { last: row.checkin_last, nextDue: row.checkin_next_due },
    review: row.review_json ? JSON.parse(row.review_json) : null,
    reintegrationPlan: row.reintegration_plan,
    firmMentor: row.firm_mentor_name ? { userId: row.firm_mentor_user_id, name: row.firm_mentor_name } : null,
    version: String(row.version ?? 1),
  } as Secondment;
}

export function secondmentParams(s: Secondment, seq: number) {
  return {
    id: s.id, client_id: s.clientId, direction: s.direction, person_user_id: s.person.userId,
    person_name: s.person.name, person_title: s.person.title, host_team: s.hostTeam,
    host_contact_json: s.hostContact ? JSON.stringify(s.hostContact) : null,
    planned_start: s.plannedStart, planned_end: s.plannedEnd, actual_end: s.actualEnd, status: s.status,
    billing_basis: s.billingBasis, objectives_json: JSON.stringify(s.objectives),
    checkin_last: s.checkIns.last, checkin_next_due: s.checkIns.nextDue,
    review_json: s.review ? JSON.stringify(s.review) : null, reintegration_plan: s.reintegrationPlan, seq,
    firm_mentor_user_id: s.firmMentor?.userId ?? null, firm_mentor_name: s.firmMentor?.name ?? null,
  };
}

/**
 * A need as `viewer` may see it. A confidential need is shown in full to its author, `bd` and `risk`;
 * anyone else gets that it exists, its dates, status and owner, and whom to ask — never its text.
 * No viewer: the full need (the author's own answer, internal use).
 */
export function toNeed(row: NeedRow, viewer?: Viewer): Need {
  return needAsSeenBy(toFullNeed(row), viewer);
}

/** Whether `viewer` sees the need in full (its author's id as stored). */
export function seesNeedInFull(confidential: boolean, authorUserId: string | null, viewer?: Viewer): boolean {
  return !viewer || !confidential || viewer.role === 'bd' || viewer.role === 'risk' || authorUserId === viewer.id;
}

/** The full need as `viewer` may see it (see toNeed). */
export function needAsSeenBy(full: Need, viewer?: Viewer): Need {
  if (seesNeedInFull(full.confidential, full.identifiedBy.userId, viewer)) return full;
  return {
    ...full,
    title: REDACTED_NEED_TITLE,
    detail: '',
    practiceArea: full.practiceArea,
    matter: null,
    redacted: true,
    askContact: full.owner ?? { userId: null, name: 'Business Development' },
  };
}

function toFullNeed(row: NeedRow): Need {
  return {
    id: row.id,
    clientId: row.client_id,
    title: row.title,
    detail: row.detail,
    practiceArea: row.practice_area,
    identifiedBy: { userId: row.identified_by_user_id, name: row.identified_by_name },
    identifiedAt: row.identified_at,
    sourceSecondmentId: row.source_secondment_id,
    confidential: row.confidential === 1,
    status: row.status as Need['status'],
    owner: row.owner_name ? { userId: row.owner_user_id, name: row.owner_name } : null,
    matter: row.matter_json ? JSON.parse(row.matter_json) : null,
    statusChangedBy: row.status_changed_by_name ? { userId: row.status_changed_by_user_id, name: row.status_changed_by_name } : null,
    statusChangedAt: row.status_changed_at,
    version: String(row.version ?? 1),
  };
}

export function needParams(n: Need, seq: number) {
  return {
    id: n.id, client_id: n.clientId, title: n.title, detail: n.detail, practice_area: n.practiceArea,
    identified_by_user_id: n.identifiedBy.userId, identified_by_name: n.identifiedBy.name,
    identified_at: n.identifiedAt, source_secondment_id: n.sourceSecondmentId,
    confidential: n.confidential ? 1 : 0, status: n.status, seq,
    owner_user_id: n.owner?.userId ?? null, owner_name: n.owner?.name ?? null,
    matter_json: n.matter ? JSON.stringify(n.matter) : null,
    status_changed_by_user_id: n.statusChangedBy?.userId ?? null, status_changed_by_name: n.statusChangedBy?.name ?? null,
    status_changed_at: n.statusChangedAt ?? null,
  };
}

export function toFlag(row: FlagRow): CandidateFlag {
  return {
    clientId: row.client_id,
    flaggedBy: { userId: row.flagged_by_user_id, name: row.flagged_by_name },
    flaggedAt: row.flagged_at,
    reason: row.reason,
    priority: row.priority as CandidateFlag['priority'],
    ...(row.version ? { version: row.version } : {}),
  };
}
