import type { Secondment, SecondmentDirection } from '../contract/secondment';
import { addIsoDays, compareText, DAY_MS } from './book';

/** What the page reads of a secondment (a full `Secondment` is one; so is the projection's). */
export type SecondmentFacts = Pick<Secondment, 'id' | 'clientId' | 'direction' | 'status' | 'plannedEnd' | 'actualEnd'> & {
  person: Pick<Secondment['person'], 'name'>;
  checkIns: Pick<Secondment['checkIns'], 'nextDue'>;
};

/** A secondment that needs a conversation soon: it ends, or its check-in is overdue. */
export interface SecondmentWatchRow {
  id: string;
  clientId: string;
  clientName: string;
  person: string;
  direction: SecondmentDirection;
  /** The day it ends (ending soon) or the check-in was due (overdue), `YYYY-MM-DD`. */
  date: string;
  /** Days from today to `date`: ≥ 0 for "ends in", > 0 overdue days for check-ins. */
  days: number;
}

function dayDiff(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Active secondments whose planned end falls within `withinDays` of today (today included):
 * the time to talk about reintegration and renewal. Soonest first.
 */
export function endingSoon(secondments: readonly SecondmentFacts[], today: string, withinDays: number, nameOf: (id: string) => string): SecondmentWatchRow[] {
  const last = addIsoDays(today, withinDays);
  return secondments
    .filter((s) => s.status === 'active' && s.actualEnd === null && s.plannedEnd >= today && s.plannedEnd <= last)
    .map((s) => row(s, s.plannedEnd, dayDiff(today, s.plannedEnd), nameOf))
    .sort((a, b) => a.days - b.days || compareText(a.clientName, b.clientName));
}

/** Active secondments whose next check-in was due before today. Longest overdue first. */
export function overdueCheckIns(secondments: readonly SecondmentFacts[], today: string, nameOf: (id: string) => string): SecondmentWatchRow[] {
  return secondments
    .filter((s) => s.status === 'active' && s.checkIns.nextDue !== null && s.checkIns.nextDue < today)
    .map((s) => row(s, s.checkIns.nextDue!, dayDiff(s.checkIns.nextDue!, today), nameOf))
    .sort((a, b) => b.days - a.days || compareText(a.clientName, b.clientName));
}

function row(s: SecondmentFacts, date: string, days: number, nameOf: (id: string) => string): SecondmentWatchRow {
  return { id: s.id, clientId: s.clientId, clientName: nameOf(s.clientId), person: s.person.name, direction: s.direction, date, days };
}
