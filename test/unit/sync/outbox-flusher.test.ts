import { describe, expect, it } from 'vitest';
import { openLensDb } from '@/lib/cache/lens-db';
import { enqueueWrite, listOutbox } from '@/lib/cache/outbox-store';
import type { ApiResult } from '@/lib/endpoint/api-error';
import { flushOutbox } from '@/lib/sync/outbox-flusher';
import { httpError, networkError, okResult, scriptedApi } from './fake-api';

const open = () => openLensDb(`lens-test-ob-${Math.random().toString(36).slice(2)}`);
const need = (title: string) => ({ kind: 'need' as const, need: { title, practiceArea: 'Employment', detail: '', confidential: false, sourceSecondmentId: null } });

/** Answers POSTs in turn from `script`; then 201 with an id. */
function postNeeds(script: ApiResult<unknown>[]) {
  let created = 0;
  return scriptedApi({
    postNeed: async () => script.shift() ?? okResult({ id: `n-${++created}` }, 201),
  });
}

describe('flushing the outbox', () => {
  it('delivers in order with each item’s own idempotency key, and keeps the receipt', async () => {
    const db = await open();
    const a = await enqueueWrite(db, 'c1', need('A'));
    const b = await enqueueWrite(db, 'c1', need('B'));
    const { api, calls } = postNeeds([]);
    const report = await flushOutbox(db, api);
    expect(calls.map((c) => (c.args[1] as { title: string }).title)).toEqual(['A', 'B']);
    expect(calls.map((c) => c.args[2])).toEqual([a.id, b.id]);
    expect(report.delivered).toEqual([a.id, b.id]);
    expect((await listOutbox(db)).map((r) => [r.state, r.receiptId])).toEqual([['done', 'n-1'], ['done', 'n-2']]);
  });

  it('holds a client’s later items while an earlier one waits, but not other clients’', async () => {
    const db = await open();
    await enqueueWrite(db, 'c1', need('first of c1'), 0);
    await enqueueWrite(db, 'c1', need('second of c1'), 0);
    await enqueueWrite(db, 'c2', need('only of c2'), 0);
    const { api, calls } = postNeeds([httpError(503)]);
    const report = await flushOutbox(db, api, { now: () => 1_000 });
    expect(calls.map((c) => (c.args[1] as { title: string }).title)).toEqual(['first of c1', 'only of c2']);
    const rows = await listOutbox(db);
    expect(rows.map((r) => r.state)).toEqual(['pending', 'pending', 'done']);
    expect(rows[0]).toMatchObject({ attempts: 1, retryKind: 'server' });
    expect(report.nextAttemptAt).toBeGreaterThan(1_000);
  });

  it('never tries before Retry-After, even when the user asks', async () => {
    const db = await open();
    await enqueueWrite(db, 'c1', need('A'), 0);
    const { api, calls } = postNeeds([httpError(429, { retryAfterMs: 30_000 })]);
    await flushOutbox(db, api, { now: () => 1_000 });
    await flushOutbox(db, api, { now: () => 20_000, retryNow: 'all' });
    expect(calls).toHaveLength(1);
    await flushOutbox(db, api, { now: () => 31_001 });
    expect(calls).toHaveLength(2);
    expect((await listOutbox(db))[0]!.state).toBe('done');
  });

  it('retries at once when the endpoint is back only the items that failed for want of a connection', async () => {
    const db = await open();
    await enqueueWrite(db, 'c1', need('unreachable'), 0);
    await enqueueWrite(db, 'c2', need('server error'), 0);
    const { api, calls } = postNeeds([networkError, httpError(500)]);
    await flushOutbox(db, api, { now: () => 1_000 });
    await flushOutbox(db, api, { now: () => 1_001, retryNow: 'unreachable' });
    expect(calls.map((c) => (c.args[1] as { title: string }).title)).toEqual(['unreachable', 'server error', 'unreachable']);
  });

  it('parks a refused item with the endpoint’s reason and field errors, and goes on with the next', async () => {
    const db = await open();
    await enqueueWrite(db, 'c1', need('refused'));
    await enqueueWrite(db, 'c1', need('fine'));
    const problem = { type: 'about:blank', title: 'Unprocessable', status: 422, detail: 'Practice area closed.', errors: [{ path: 'practiceArea', message: 'Closed for new work.' }] };
    const { api } = postNeeds([httpError(422, { problem })]);
    await flushOutbox(db, api);
    const [refused, fine] = await listOutbox(db);
    expect(refused).toMatchObject({ state: 'rejected', reason: 'Practice area closed.', fieldErrors: { practiceArea: 'Closed for new work.' } });
    expect(fine!.state).toBe('done');
  });

  it('stops at a refused token and holds the item for sign-in', async () => {
    const db = await open();
    await enqueueWrite(db, 'c1', need('A'));
    await enqueueWrite(db, 'c2', need('B'));
    const { api, calls } = postNeeds([httpError(401)]);
    const report = await flushOutbox(db, api);
    expect(report.signInRequired).toBe(true);
    expect(calls).toHaveLength(1);
    expect((await listOutbox(db)).map((r) => r.state)).toEqual(['needs-sign-in', 'pending']);
  });
});
