import { browser } from 'wxt/browser';
import { readAllSecondments } from '../cache/book-store';
import { dueReminders, type Reminder } from '../programme/reminders';
import { remindersEnabled } from '../settings/reminders-preference';
import type { ActiveSession } from './active-session';

export const REMINDERS_ALARM = 'lens.reminders';
/** Reminders already shown (their keys), so each is notified once; bounded. */
const SHOWN_KEY = 'reminders.shown';
const SHOWN_MAX = 500;

/** In the notification: who and what, never anything of the client beyond its placement. */
function text(r: Reminder): { title: string; message: string } {
  return r.kind === 'check-in-due'
    ? { title: 'Secondment check-in due', message: `${r.personName}: the next check-in is due ${r.date}.` }
    : { title: 'Secondment ending soon', message: `${r.personName}: the placement ends ${r.date}. Time for the reintegration and renewal conversations.` };
}

/**
 * Opt-in reminders (options page) for the placements the user is on or mentors: a check-in due in
 * the next two days, a placement ending in 14. Read from the synced book, hourly and on demand;
 * each reminder is shown once.
 */
export class ReminderService {
  constructor(private readonly sessions: ActiveSession, private readonly now: () => number = Date.now) {}

  /** Starts (or stops) the hourly check to match the user's choice. */
  async schedule(): Promise<void> {
    if (await remindersEnabled()) await browser.alarms.create(REMINDERS_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
    else await browser.alarms.clear(REMINDERS_ALARM);
  }

  /** Shows the reminders that are due and not yet shown; returns their keys. */
  async check(): Promise<string[]> {
    if (!(await remindersEnabled())) return [];
    const active = await this.sessions.get();
    if ('signedOut' in active) return [];
    const due = dueReminders(await readAllSecondments(active.db), active.session.user.id, this.now());
    const shown = new Set(((await active.db.get('meta', SHOWN_KEY)) as string[] | undefined) ?? []);
    const fresh = due.filter((r) => !shown.has(r.key));
    for (const r of fresh) {
      await browser.notifications.create(r.key, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), ...text(r) });
      shown.add(r.key);
    }
    if (fresh.length) await active.db.put('meta', [...shown].slice(-SHOWN_MAX), SHOWN_KEY);
    return fresh.map((r) => r.key);
  }
}
