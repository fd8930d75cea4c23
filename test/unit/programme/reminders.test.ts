import { describe, expect, it } from 'vitest';
import type { Secondment } from '../../../lib/contract/secondment';
import { myPlacement } from '../../../lib/programme/my-placement';
import { dueReminders } from '../../../lib/programme/reminders';

const NOW = Date.parse('2026-12-01T09:00:00Z');
const base: Secondment = {
  id: 's-1', clientId: 'c-1', direction: 'outbound', person: { userId: 'u-sam', name: 'Sam Okafor', title: 'Associate' },
  hostTeam: 'Legal', hostContact: null, plannedStart: '2026-06-01', plannedEnd: '2027-03-01', actualEnd: null, status: 'active',
  billingBasis: 'flat-fee', objectives: [], checkIns: { last: '2026-11-01', nextDue: '2026-12-20' }, review: null, reintegrationPlan: null,
  firmMentor: { userId: 'u-eleanor', name: 'Eleanor Marsh' },
};
const s = (over: Partial<Secondment>): Secondment => ({ ...base, ...over });

describe('dueReminders', () => {
  it('a check-in due within two days, or overdue, reminds the secondee and the firm mentor only', () => {
    const due = s({ checkIns: { last: '2026-11-02', nextDue: '2026-12-03' } });
    expect(dueReminders([due], 'u-sam', NOW).map((r) => r.kind)).toEqual(['check-in-due']);
    expect(dueReminders([due], 'u-eleanor', NOW)).toHaveLength(1);
    expect(dueReminders([due], 'u-priya', NOW)).toEqual([]);
    expect(dueReminders([s({ checkIns: { last: null, nextDue: '2026-11-20' } })], 'u-sam', NOW)[0]?.kind).toBe('check-in-due');
    expect(dueReminders([s({ checkIns: { last: null, nextDue: '2026-12-04' } })], 'u-sam', NOW)).toEqual([]);
  });

  it('a placement ending within 14 days reminds once per end date; ended or planned ones never', () => {
    const ending = s({ plannedEnd: '2026-12-15' });
    const [r] = dueReminders([ending], 'u-sam', NOW);
    expect(r).toMatchObject({ kind: 'ending-soon', date: '2026-12-15', key: 'ending:s-1:2026-12-15' });
    expect(dueReminders([s({ plannedEnd: '2026-12-16' })], 'u-sam', NOW)).toEqual([]);
    expect(dueReminders([s({ plannedEnd: '2026-12-15', status: 'completed' })], 'u-sam', NOW)).toEqual([]);
    expect(dueReminders([s({ plannedEnd: '2026-12-10', status: 'planned' })], 'u-sam', NOW)).toEqual([]);
  });
});

describe('myPlacement', () => {
  it('picks the signed-in user\'s running placement, else the next one starting', () => {
    const planned = s({ id: 's-2', status: 'planned', plannedStart: '2027-01-10' });
    const later = s({ id: 's-3', status: 'planned', plannedStart: '2027-05-10' });
    expect(myPlacement([later, planned, s({ id: 's-4', person: { userId: 'u-x', name: 'X', title: '' } })], 'u-sam')?.id).toBe('s-2');
    expect(myPlacement([planned, base], 'u-sam')?.id).toBe('s-1');
    expect(myPlacement([base], 'u-eleanor')).toBeNull(); // the mentor is not on the placement
    expect(myPlacement([base], null)).toBeNull();
  });
});
