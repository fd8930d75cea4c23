import type { CandidateFlag } from '../contract/candidate-flag';
import type { ClientSummary } from '../contract/client';
import type { Need, NeedStatus } from '../contract/need';
import type { Secondment } from '../contract/secondment';

/**
 * The synced book as the pipeline page reads it from the user's cache partition: the four entity
 * stores, nothing else. Only what the page needs of a client (no PMS links).
 */
export interface PipelineBook {
  clients: ClientSummary[];
  secondments: Secondment[];
  needs: Need[];
  flags: CandidateFlag[];
}

/** Board columns, in the order a need moves through them (issue 11). */
export const BOARD_STATUSES: readonly NeedStatus[] = ['new', 'qualified', 'pursuing', 'won', 'declined'];

export const DAY_MS = 86_400_000;

/** Whole days from an instant to `now` (never negative: a clock a little behind the endpoint's). */
export function daysSince(instantMs: number, now: number): number {
  return Math.max(0, Math.floor((now - instantMs) / DAY_MS));
}

/** Today's calendar day (local time) as `YYYY-MM-DD`, for comparing with secondment dates. */
export function localIsoDay(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A calendar day `days` after `isoDay` (`YYYY-MM-DD`), computed in UTC so no time zone shifts it. */
export function addIsoDays(isoDay: string, days: number): string {
  const t = Date.UTC(+isoDay.slice(0, 4), +isoDay.slice(5, 7) - 1, +isoDay.slice(8, 10)) + days * DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}

/** One collator for every sort by name: far cheaper than `localeCompare` over 20,000 names. */
export const compareText = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare;
