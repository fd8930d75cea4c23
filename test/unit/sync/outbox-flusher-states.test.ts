import { describe, expect, it, vi } from 'vitest';
import { openLensDb } from '@/lib/cache/lens-db';
import { enqueueWrite, listOutbox, pruneDelivered, reapplyConflict, releaseSignInHolds, updateOutboxItem } from '@/lib/cache/outbox-store';
import type { ApiResult } from '@/lib/endpoint/api-error';
import { flushOutbox, IN_PROGRESS_BUDGET, KEY_RETENTION_MS, SERVER_FAILURE_BUDGET } from '@/lib/sync/outbox-flusher';
import { httpError, okResult, scriptedApi } from './fake-api';

// Where each write ends: delivered, retried, held, parked for the user, or a dead letter.

const open = () => openLensDb(`lens-test-obs-${Math.random().toString(36).slice(2)}`);
const need = (title: string) => ({ kind: 'need' as const, need: { title, practiceArea: 'Employment', detail: '', confidential: false, sourceSecondmentId: null } });
const titleOf = (args: unknown[]) => (args[1] as { title: string }).title;
const states = async (db: Awaited<ReturnType<typeof open>>) => (await listOutbox(db)).map((r) => r.state);

/** Answers each POST with the next scripted answer for its title; 201 once a title's script is used up. */
function byTitle(script: Record<string, ApiResult<unknown>[]>) {
  let created = 0;
  return scriptedApi({ postNeed: async (...args: never[]) => script[titleOf(args)]?.shift() ?? okResult({ id: `n-${++created}` }, 201) });
}

const flag = { clientId: 'c1', flaggedBy: { userId: 'u-omar', name: 'Omar Reyes' }, flaggedAt: '2026-06-11T09:30:00.000Z', reason: 'Board approved it.', priority: 'medium' as const };

describe('outbox states', () => {
  it('a 2xx whose body cannot be read is delivered, never parked or sent again', async () => {
    const db = await open();
    await enqueueWrite(db, 'c1', need('A'));
    const { api, calls } = byTitle({ A: [{ ok: false, error: { kind: 'invalid-response', message: 'The body is not valid JSON.', status: 201 } }] });
    const report = await flushOutbox(db, api);
    await flushOutbox(db, api, { retryNow: 'all' });
    expect(calls).toHaveLength(1);
    expect(await states(db)).toEqual(['done']);
    expect(report.touchedClients).toEqual(new Set(['c1'])); // its context is fetched again
  });

  it('a permanent 500 ends as a dead letter after the retry budget, and the client’s later writes still go', async () => {
    const db = await open();
    await enqueueWrite(db, 'c1', need('broken'), 0);
    await enqueueWrite(db, 'c1', need('later'), 0);
    const { api, calls } = byTitle({ broken: Array.from({ length: 50 }, () => httpError(500)) });
    for (let i = 0; i < SERVER_FAILURE_BUDGET; i++) await flushOutbox(db, api, { now: () => 1_000 + i, retryNow: 'all' });
    const [broken, later] = await listOutbox(db);
    expect(broken).toMatchObject({ state: 'dead-letter', attempts: SERVER_FAILURE_BUDGET });
    expect(broken!.reason).toContain('failed every time');
    expect(later!.state).toBe('done');
    // Held behind it while it was retried, sent once it was given up.
    expect(calls.map((c) => titleOf(c.args))).toEqual([...Array(SERVER_FAILURE_BUDGET).fill('broken'), 'later']);
  });

  it('a 409 "in progress" is retried with the same key, then dead-lettered beyond its budget', async () => {
    const db = await open();
    const row = await enqueueWrite(db, 'c1', need('stuck'), 0);
    const { api, calls } = byTitle({ stuck: Array.from({ length: 50 }, () => httpError(409)) });
    for (let i = 0; i < IN_PROGRESS_BUDGET; i++) await flushOutbox(db, api, { now: () => 1_000, retryNow: 'all' });
    expect(calls.every((c) => c.args[2] === row.id)).toBe(true);
    expect(await states(db)).toEqual(['dead-letter']);
    expect(calls).toHaveLength(IN_PROGRESS_BUDGET);
  });

  it.each([403, 404, 410])('%i: the write can never succeed — dead letter at once, nothing held', async (status) => {
    const db = await open();
    await enqueueWrite(db, 'c1', need('refused'));
    await enqueueWrite(db, 'c1', need('next'));
    const { api } = byTitle({ refused: [httpError(status)] });
    await flushOutbox(db, api);
    expect(await states(db)).toEqual(['dead-letter', 'done']);
    expect((await listOutbox(db))[0]!.reason).toBe('This client is not available to you any more, so this was not saved.');
  });

  it('422: refused as written, kept for the user to edit (not a dead letter)', async () => {
    const db = await open();
    await enqueueWrite(db, 'c1', need('bad'));
    const { api } = byTitle({ bad: [httpError(422)] });
    await flushOutbox(db, api);
    expect(await states(db)).toEqual(['rejected']);
  });

  it('an item older than the endpoint keeps idempotency keys is dead-lettered without being sent', async () => {
    const db = await open();
    await enqueueWrite(db, 'c1', need('ancient'), 0);
    const { api, calls } = byTitle({});
    await flushOutbox(db, api, { now: () => KEY_RETENTION_MS + 1 });
    expect(calls).toHaveLength(0);
    expect(await states(db)).toEqual(['dead-letter']);
    expect((await listOutbox(db))[0]!.reason).toContain('30 days');
  });

  it('an item held for sign-in holds back the later items of its client (not other clients’), in order after sign-in', async () => {
    const db = await open();
    await enqueueWrite(db, 'c1', { kind: 'flag-set', flag: { reason: 'Set first', priority: 'high' }, seenVersion: null });
    const set = (await listOutbox(db))[0]!;
    await updateOutboxItem(db, set.id, (r) => ({ ...r, state: 'needs-sign-in' }));
    await enqueueWrite(db, 'c1', { kind: 'flag-clear', seenVersion: null });
    await enqueueWrite(db, 'c2', need('other client'));
    const order: string[] = [];
    const { api } = scriptedApi({
      setFlag: async () => (order.push('set'), okResult({ ...flag, version: 'v2' })),
      clearFlag: async (...args: never[]) => (order.push(`clear If-Match ${String((args as unknown[])[2])}`), { ok: true, value: undefined, etag: null, status: 204 }),
      postNeed: async () => (order.push('need c2'), okResult({ id: 'n-1' }, 201)),
    });
    await flushOutbox(db, api);
    expect(order).toEqual(['need c2']);
    await releaseSignInHolds(db);
    await flushOutbox(db, api);
    // The clear was made while the set was queued: it is sent against the version the set produced.
    expect(order).toEqual(['need c2', 'set', 'clear If-Match v2']);
  });

  it('flag writes carry the version the user saw; a 412 parks the item with the flag as it is now', async () => {
    const db = await open();
    await enqueueWrite(db, 'c1', { kind: 'flag-clear', seenVersion: 'v1' });
    await enqueueWrite(db, 'c1', need('after the conflict'));
    const problem = { type: 'about:blank', title: 'Precondition Failed', status: 412, currentFlag: { ...flag, version: 'v2' } };
    const { api, calls } = scriptedApi({ clearFlag: async () => httpError(412, { problem }), postNeed: async () => okResult({ id: 'n-1' }, 201) });
    await flushOutbox(db, api);
    expect(calls[0]!.args[2]).toBe('v1');
    const [parked, next] = await listOutbox(db);
    expect(parked).toMatchObject({ state: 'conflict', currentFlag: { flaggedBy: { name: 'Omar Reyes' }, version: 'v2' } });
    expect(next!.state).toBe('done');

    // "Apply mine again": a new write with a new key, against the version now seen.
    const again = await reapplyConflict(db, parked!.id);
    expect(again).toMatchObject({ state: 'pending', payload: { kind: 'flag-clear', seenVersion: 'v2' } });
    expect((again as { id: string }).id).not.toBe(parked!.id);
    expect((await listOutbox(db)).map((r) => r.id)).not.toContain(parked!.id);
  });

  it('"Apply mine again" on a clear when someone else already cleared it: nothing left to do', async () => {
    const db = await open();
    await enqueueWrite(db, 'c1', { kind: 'flag-clear', seenVersion: 'v1' });
    const { api } = scriptedApi({ clearFlag: async () => httpError(412, { problem: { type: 'about:blank', title: 'Precondition Failed', status: 412, currentFlag: null } }) });
    await flushOutbox(db, api);
    const [parked] = await listOutbox(db);
    expect(await reapplyConflict(db, parked!.id)).toBe('nothing-to-do');
    expect(await listOutbox(db)).toEqual([]);
  });

  it('releasing sign-in holds and pruning delivered items write only when a row changes (they run after every look-up)', async () => {
    const db = await open();
    const writes = () => opened.mock.calls.filter(([, mode]) => mode === 'readwrite').length;
    const opened = vi.spyOn(db, 'transaction');
    await releaseSignInHolds(db);
    await pruneDelivered(db, 1_000, 10_000);
    expect(writes()).toBe(0); // nothing queued

    const held = await enqueueWrite(db, 'c1', need('held'), 0);
    await updateOutboxItem(db, held.id, (r) => ({ ...r, state: 'needs-sign-in' }));
    const delivered = await enqueueWrite(db, 'c1', need('delivered'), 0);
    await updateOutboxItem(db, delivered.id, (r) => ({ ...r, state: 'done', doneAt: 9_500 }));
    opened.mockClear();
    await pruneDelivered(db, 1_000, 10_000); // delivered 0.5 s ago: kept
    expect(writes()).toBe(0);
    await releaseSignInHolds(db, 10_000);
    await pruneDelivered(db, 1_000, 11_000);
    expect(writes()).toBe(2);
    expect(await states(db)).toEqual(['pending']);
  });
});
