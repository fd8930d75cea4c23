import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ActiveSession, POLICY_NOT_LOADED, SIGN_IN_POLICY_WAIT_MS } from '@/lib/background/active-session';
import { MANAGED_READ_TIMEOUT_MS } from '@/lib/settings/managed-policy';
import { META_KEYS, openLensDb } from '@/lib/cache/lens-db';
import { SETTINGS_KEY } from '@/lib/settings/settings-schema';
import { partitionName, writeSession } from '@/lib/settings/session-store';
import { deleteDB } from 'idb';
import { PARTNER } from '../components/fixtures';

const ENDPOINT = 'http://127.0.0.1:9';
let partition: string;

/** The endpoint as seen by the session: /v1/me answers with the partner. */
const fakeFetch: typeof fetch = async () => new Response(JSON.stringify(PARTNER), { status: 200, headers: { 'Content-Type': 'application/json' } });

async function databases(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

beforeEach(async () => {
  fakeBrowser.reset();
  // Loopback is granted in the manifest; the fake browser has no permissions API of its own.
  (fakeBrowser as unknown as { permissions: object }).permissions = { contains: async () => true };
  // The partition signing in as the partner picks, so that a sign-in keeps (and unlocks) it.
  partition = await partitionName(ENDPOINT, PARTNER.id);
  await deleteDB(partition);
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { endpointUrl: ENDPOINT } });
  await writeSession({ endpointUrl: ENDPOINT, token: 't', user: PARTNER, partition });
});

describe('the signed-in session after a 401', () => {
  it('is locked at once, and still locked in a restarted worker', async () => {
    const first = new ActiveSession(fakeFetch);
    expect('db' in (await first.get())).toBe(true);
    await first.markRejected();
    expect(await first.get()).toEqual({ signedOut: 'rejected' });

    const restarted = new ActiveSession(fakeFetch);
    expect(await restarted.get()).toEqual({ signedOut: 'rejected' });
    expect(await databases()).toContain(partition); // locked, not deleted: within the grace period
  });

  it('keeps the first refusal’s time, so later ones do not extend the grace period', async () => {
    const session = new ActiveSession(fakeFetch);
    await session.get();
    const first = Date.now() - 80 * 3_600_000; // past the default 72 h grace
    await session.markRejected(first);
    const db = await openLensDb(partition);
    expect(await db.get('meta', META_KEYS.lockedAt)).toBe(first);
    db.close();
    const restarted = new ActiveSession(fakeFetch);
    await restarted.markRejected(Date.now()); // a request still under way when the worker restarted
    expect(await restarted.get()).toEqual({ signedOut: 'no-token' }); // counted from the first refusal: deleted
    expect(await databases()).not.toContain(partition);
  });

  it('deletes the partition and the session once the firm’s grace period is over', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { endpointUrl: ENDPOINT, signedOutGraceHours: 1 } });
    const session = new ActiveSession(fakeFetch);
    await session.get();
    await session.markRejected(Date.now() - 2 * 3_600_000);
    const restarted = new ActiveSession(fakeFetch);
    expect(await restarted.get()).toEqual({ signedOut: 'no-token' });
    expect(await databases()).not.toContain(partition);
  });

  it('is unlocked by signing in again, in this worker and the next', async () => {
    const session = new ActiveSession(fakeFetch);
    await session.get();
    await session.markRejected();
    const signedIn = await session.signIn(ENDPOINT, 't2');
    expect(signedIn.ok).toBe(true);
    expect('db' in (await session.get())).toBe(true);
    expect('db' in (await new ActiveSession(fakeFetch).get())).toBe(true);
    expect(await databases()).toContain(partition); // the same user's partition, kept
  });

  it('is not unlocked by a read that succeeds (only sign-in lifts the lock)', async () => {
    const session = new ActiveSession(fakeFetch);
    const active = await session.get();
    if (!('db' in active)) throw new Error('expected to be signed in');
    await session.markRejected();
    await active.api.me(); // a request already under way when the 401 came, answered 200
    expect(await session.get()).toEqual({ signedOut: 'rejected' });
  });
});

describe('the firm’s policy not answered by the browser (Chromium can be seconds late, or silent while tabs come and go)', () => {
  it('a first sign-in is refused, saying why, instead of waiting forever; once the policy answers it goes ahead', async () => {
    const managed = vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise(() => undefined));
    const session = new ActiveSession(fakeFetch);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pending = session.signIn(ENDPOINT, 't');
    let answered = false;
    void pending.then(() => { answered = true; });
    await vi.advanceTimersByTimeAsync(MANAGED_READ_TIMEOUT_MS + 100);
    expect(answered).toBe(false); // a first start: sign-in waits longer for a policy never seen
    await vi.advanceTimersByTimeAsync(SIGN_IN_POLICY_WAIT_MS);
    vi.useRealTimers();
    expect(await pending).toEqual({ ok: false, error: { code: 'policy-not-loaded', message: POLICY_NOT_LOADED } });
    managed.mockResolvedValue({});
    // Not kept: the settings are read again at the next use, now with the policy.
    expect((await session.signIn(ENDPOINT, 't')).ok).toBe(true);
    managed.mockRestore();
  });
});
