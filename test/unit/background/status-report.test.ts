import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Active, ActiveSession } from '@/lib/background/active-session';
import { collectStatus } from '@/lib/background/status-report';
import { writeContext } from '@/lib/cache/context-cache';
import { type LensDb, META_KEYS, openLensDb } from '@/lib/cache/lens-db';
import { enqueueWrite, updateOutboxItem } from '@/lib/cache/outbox-store';
import { StatusReport } from '@/lib/messaging/status-report';
import { readyView } from '../components/fixtures';

// What the background reports to the options page must pass the schema the page checks it with.

const need = (title: string) => ({ kind: 'need' as const, need: { title, practiceArea: 'Employment', detail: '', confidential: false, sourceSecondmentId: null } });
const USER = { id: 'u-1', name: 'Ada Park', email: 'ada@firm.example', role: 'lawyer' as const };
let db: LensDb;

const signedIn = () => ({ get: async () => ({ db, session: { endpointUrl: 'https://lens.firm.example', user: USER } }) as unknown as Active }) as unknown as ActiveSession;

beforeEach(async () => {
  fakeBrowser.reset();
  db = await openLensDb(`lens-test-status-${Math.random().toString(36).slice(2)}`);
});

describe('the status report', () => {
  it('counts the cache and each outbox state, and passes the wire schema', async () => {
    await writeContext(db, readyView().context, null, 1);
    await enqueueWrite(db, 'c1', need('waiting'));
    const parked = await enqueueWrite(db, 'c1', need('refused'));
    await updateOutboxItem(db, parked.id, (row) => ({ ...row, state: 'rejected' }));
    const progress = { state: 'done', startedAt: 1, finishedAt: 2, applied: 7, pages: 1, error: null, fetchMs: 3, applyMs: 4, quarantined: 0, nextAttemptAt: null };
    await db.put('meta', progress, META_KEYS.syncProgress);

    const report = await collectStatus(signedIn());

    expect(StatusReport.parse(report)).toEqual(report);
    expect(report).toMatchObject({ user: USER, signedOut: null, cachedClients: 1, outbox: { pending: 1, rejected: 1, needsSignIn: 0, delivered: 0 }, sync: progress });
  });

  it('reports nothing of a partition when signed out, and still passes the schema', async () => {
    const sessions = { get: async () => ({ signedOut: 'rejected' }) } as unknown as ActiveSession;
    const report = await collectStatus(sessions);
    expect(StatusReport.parse(report)).toEqual(report);
    expect(report).toMatchObject({ user: null, signedOut: 'rejected', cachedClients: 0, sync: null });
  });
});
