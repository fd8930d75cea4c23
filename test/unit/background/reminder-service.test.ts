import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import type { Active, ActiveSession } from '@/lib/background/active-session';
import { REMINDERS_ALARM, ReminderService } from '@/lib/background/reminder-service';
import { type LensDb, openLensDb } from '@/lib/cache/lens-db';
import { setRemindersEnabled } from '@/lib/settings/reminders-preference';
import { NOW, SAM_ACTIVE, SECONDEE, VERMA_REVERSE } from '../components/fixtures';
import { seedBook } from '../../support/book-fixtures';

// Reminders are the user's opt-in, read from the synced book, and each is shown once.

let db: LensDb;
let shown: string[];
const sessions = () => ({ get: async () => ({ db, session: { user: SECONDEE } }) as unknown as Active }) as unknown as ActiveSession;

beforeEach(async () => {
  fakeBrowser.reset();
  shown = [];
  vi.spyOn(browser.notifications, 'create').mockImplementation((async (id: string) => (shown.push(id), id)) as never);
  db = await openLensDb(`lens-test-rem-${Math.random().toString(36).slice(2)}`);
  await seedBook(db, { secondments: [SAM_ACTIVE, VERMA_REVERSE] }); // VERMA_REVERSE: not the user's placement
});

describe('the reminder service', () => {
  it('shows nothing and schedules nothing until the user turns reminders on', async () => {
    const service = new ReminderService(sessions(), () => NOW);
    await service.schedule();
    expect(await browser.alarms.get(REMINDERS_ALARM)).toBeFalsy();
    expect(await service.check()).toEqual([]);
    expect(shown).toEqual([]);
  });

  it("notifies the user's own overdue check-in once, however often it checks", async () => {
    await setRemindersEnabled(true);
    const service = new ReminderService(sessions(), () => NOW);
    await service.schedule();
    expect(await browser.alarms.get(REMINDERS_ALARM)).toMatchObject({ periodInMinutes: 60 });
    const first = await service.check();
    expect(first).toEqual([`check-in:${SAM_ACTIVE.id}:${SAM_ACTIVE.checkIns.nextDue}`]);
    expect(await service.check()).toEqual([]);
    expect(shown).toEqual(first);
  });

  it('stops the hourly check when the user turns reminders off', async () => {
    await setRemindersEnabled(true);
    const service = new ReminderService(sessions(), () => NOW);
    await service.schedule();
    await setRemindersEnabled(false);
    await service.schedule();
    expect(await browser.alarms.get(REMINDERS_ALARM)).toBeFalsy();
  });
});
