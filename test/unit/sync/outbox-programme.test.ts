import { describe, expect, it } from 'vitest';
import { openLensDb } from '@/lib/cache/lens-db';
import { enqueueWrite, listOutbox } from '@/lib/cache/outbox-store';
import { flushOutbox } from '@/lib/sync/outbox-flusher';
import { httpError, okResult, scriptedApi } from './fake-api';

// Triage, check-ins and objectives travel through the outbox like needs and flags.

const open = () => openLensDb(`lens-test-prog-${Math.random().toString(36).slice(2)}`);

describe('programme writes in the outbox', () => {
  it('each is sent to its route with what the user saw: If-Match for triage and objectives, the key for a check-in', async () => {
    const db = await open();
    await enqueueWrite(db, 'c1', { kind: 'need-triage', needId: 'n1', needTitle: 'Lease renewals', patch: { status: 'won' }, seenVersion: '4' });
    const checkIn = await enqueueWrite(db, 'c1', { kind: 'check-in', secondmentId: 's1', checkIn: { date: '2026-11-30', note: 'Good month.' } });
    await enqueueWrite(db, 'c1', { kind: 'objective', secondmentId: 's1', objectiveId: 's1-o1', objectiveText: 'Learn procurement', status: 'met', seenVersion: '9' });
    const { api, calls } = scriptedApi({
      patchNeed: async () => okResult({ id: 'n1' }),
      createCheckIn: async () => okResult({ id: 'ci-1' }, 201),
      patchObjective: async () => okResult({ id: 's1' }),
    });
    await flushOutbox(db, api);
    expect(calls.map((c) => [c.method, ...c.args])).toEqual([
      ['patchNeed', 'c1', 'n1', { status: 'won' }, '4'],
      ['createCheckIn', 's1', { date: '2026-11-30', note: 'Good month.' }, checkIn.id],
      ['patchObjective', 's1', 's1-o1', 'met', '9'],
    ]);
    expect((await listOutbox(db)).map((r) => r.state)).toEqual(['done', 'done', 'done']);
  });

  it('a need changed meanwhile (412) is refused with the reason, not parked as a flag conflict, and holds nothing back', async () => {
    const db = await open();
    await enqueueWrite(db, 'c1', { kind: 'need-triage', needId: 'n1', needTitle: 'Lease renewals', patch: { status: 'declined' }, seenVersion: '4' });
    await enqueueWrite(db, 'c1', { kind: 'check-in', secondmentId: 's1', checkIn: { date: '2026-11-30', note: '' } });
    const { api } = scriptedApi({
      patchNeed: async () => httpError(412, { problem: { type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'Priya Shah changed this need (now won) after you saw it.' } }),
      createCheckIn: async () => okResult({ id: 'ci-1' }, 201),
    });
    await flushOutbox(db, api);
    const [triage, checkIn] = await listOutbox(db);
    expect(triage).toMatchObject({ state: 'rejected', reason: 'Priya Shah changed this need (now won) after you saw it.' });
    expect(checkIn!.state).toBe('done');
  });
});
