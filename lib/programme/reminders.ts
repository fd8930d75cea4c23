import type { Secondment } from '../contract/secondment';

/** A reminder the user asked for (options page): a check-in coming up, or a placement about to end. */
export type Reminder = {
  kind: 'check-in-due' | 'ending-soon';
  secondmentId: string;
  clientId: string;
  personName: string;
  /** The check-in's due date, or the planned end. */
  date: string;
  /** Stable: the same reminder is notified once (the background keeps the keys it has shown). */
  key: string;
};

export const CHECK_IN_WINDOW_DAYS = 2;
export const ENDING_WINDOW_DAYS = 14;

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);

/**
 * The reminders due for `userId` today: placements they are on, or mentor on the firm's side, that
 * are running, with a check-in due within two days (or overdue) or a planned end within 14 days.
 */
export function dueReminders(secondments: readonly Secondment[], userId: string, now: number): Reminder[] {
  const today = Math.floor(now / DAY_MS);
  const out: Reminder[] = [];
  for (const s of secondments) {
    if (s.status !== 'active') continue;
    if (s.person.userId !== userId && s.firmMentor?.userId !== userId) continue;
    const base = { secondmentId: s.id, clientId: s.clientId, personName: s.person.name };
    if (s.checkIns.nextDue && dayNumber(s.checkIns.nextDue) - today <= CHECK_IN_WINDOW_DAYS) {
      out.push({ ...base, kind: 'check-in-due', date: s.checkIns.nextDue, key: `check-in:${s.id}:${s.checkIns.nextDue}` });
    }
    const left = dayNumber(s.plannedEnd) - today;
    if (left >= 0 && left <= ENDING_WINDOW_DAYS) {
      out.push({ ...base, kind: 'ending-soon', date: s.plannedEnd, key: `ending:${s.id}:${s.plannedEnd}` });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
}
