import type { ClientSummary } from '../contract/client';
import type { Need, NeedStatus } from '../contract/need';
import type { ExternalRecord } from '../contract/pms';
import { daysSince } from './book';

/**
 * One need as the board, the filters and the CSV use it: flattened once when the book is read, so
 * that filtering 50,000 needs compares plain fields (no date parsing, no look-ups) in a frame.
 */
export interface NeedRow {
  id: string;
  clientId: string;
  clientName: string;
  /** The client's place in the index's client list (-1: not in the book), for the client filter's mask. */
  clientOrdinal: number;
  status: NeedStatus;
  practiceArea: string;
  /** Null for a redacted confidential need: its text is not in the cache and must not be guessed at. */
  title: string | null;
  redacted: boolean;
  /** Whom to ask about a redacted need (null when the endpoint named nobody). */
  askContact: string | null;
  confidential: boolean;
  ownerKey: string;
  ownerName: string | null;
  identifiedBy: string;
  identifiedAtMs: number;
  /** Whole days since the need was noticed. */
  ageDays: number;
  /** Whole days in the current status (since the last status change, or since it was noticed). */
  daysInStatus: number;
  /** When the status last changed, else when it was noticed (ms). */
  statusSinceMs: number;
  matter: ExternalRecord | null;
}

/** The filter value for needs nobody owns yet. */
export const UNOWNED = '';

/** Owners are told apart by user id when the endpoint gives one, else by name. */
export function ownerKeyOf(owner: Need['owner']): string {
  if (!owner) return UNOWNED;
  return owner.userId ? `u:${owner.userId}` : `n:${owner.name}`;
}

/**
 * What a need contributes to its row, whatever the day and whichever client list it is shown with:
 * what the background's projection stores (see projection.ts). Redacted here, once: the text of a
 * redacted need never reaches a row, the projection or a CSV.
 */
export type NeedFacts = Omit<NeedRow, 'clientName' | 'clientOrdinal' | 'ageDays' | 'daysInStatus'>;

export function needFacts(need: Need): NeedFacts {
  const identifiedAtMs = Date.parse(need.identifiedAt);
  const changedMs = need.statusChangedAt ? Date.parse(need.statusChangedAt) : NaN;
  const redacted = need.redacted === true;
  return {
    id: need.id,
    clientId: need.clientId,
    status: need.status,
    practiceArea: need.practiceArea,
    title: redacted ? null : need.title,
    redacted,
    askContact: redacted ? (need.askContact?.name ?? null) : null,
    confidential: need.confidential,
    ownerKey: ownerKeyOf(need.owner),
    ownerName: need.owner?.name ?? null,
    identifiedBy: need.identifiedBy.name,
    identifiedAtMs,
    statusSinceMs: Number.isFinite(changedMs) ? changedMs : identifiedAtMs,
    matter: need.matter ?? null,
  };
}

/** The board's order: newest first, then by id (a stable order for needs noticed at the same instant). */
export const newestFirst = (a: NeedFacts, b: NeedFacts) => b.identifiedAtMs - a.identifiedAtMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A need's facts as a row of the board on the day `now`, under its client's name. */
export function needRowFrom(f: NeedFacts, clientName: string | undefined, now: number, clientOrdinal = -1): NeedRow {
  // Every field spelled out, not spread: one object shape for all 50,000 rows (a spread of the
  // decoded facts took seconds here), which also keeps the filter's loop over them fast.
  return {
    id: f.id,
    clientId: f.clientId,
    clientName: clientName ?? f.clientId,
    clientOrdinal,
    status: f.status,
    practiceArea: f.practiceArea,
    title: f.title,
    redacted: f.redacted,
    askContact: f.askContact,
    confidential: f.confidential,
    ownerKey: f.ownerKey,
    ownerName: f.ownerName,
    identifiedBy: f.identifiedBy,
    identifiedAtMs: f.identifiedAtMs,
    ageDays: daysSince(f.identifiedAtMs, now),
    daysInStatus: daysSince(f.statusSinceMs, now),
    statusSinceMs: f.statusSinceMs,
    matter: f.matter,
  };
}

export function toNeedRow(need: Need, client: ClientSummary | undefined, now: number, clientOrdinal = -1): NeedRow {
  return needRowFrom(needFacts(need), client?.name, now, clientOrdinal);
}
