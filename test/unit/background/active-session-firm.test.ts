import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { deleteDB } from 'idb';
import { SignInRequired } from '@/lib/auth/oidc-session';
import { ActiveSession } from '@/lib/background/active-session';
import type { FirmSignIn } from '@/lib/background/firm-sign-in';
import { SETTINGS_KEY } from '@/lib/settings/settings-schema';
import { partitionName, readSession, writeSession } from '@/lib/settings/session-store';
import { PARTNER } from '../components/fixtures';

const ENDPOINT = 'http://127.0.0.1:9';
const FIRM_SETTINGS = { endpointUrl: ENDPOINT, oidcIssuer: 'https://login.firm.example', oidcClientId: 'lens', firmName: 'Marsh Okafor LLP' };

/** The endpoint: /v1/me answers with the partner for any bearer; the bearers sent are kept. */
function endpoint() {
  const bearers: string[] = [];
  const fetchImpl: typeof fetch = async (_input, init) => {
    bearers.push(String(new Headers(init?.headers).get('Authorization')));
    return new Response(JSON.stringify(PARTNER), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { bearers, fetchImpl };
}

/** A FirmSignIn stand-in: the login succeeds, the access token is `token` (or the session has ended). */
function fakeFirm(state: { token: string | null }) {
  const calls: string[] = [];
  const firm = {
    signIn: async () => (calls.push('signIn'), {}),
    bearer: () => ({
      current: async () => {
        if (!state.token) throw new SignInRequired('refresh refused');
        return state.token;
      },
      renew: async () => state.token ?? Promise.reject(new SignInRequired('refresh refused')),
      ended: (error: unknown) => error instanceof SignInRequired,
    }),
    signOut: async () => void calls.push('signOut'),
  } as unknown as FirmSignIn;
  return { firm, calls };
}

beforeEach(async () => {
  fakeBrowser.reset();
  (fakeBrowser as unknown as { permissions: object }).permissions = { contains: async () => true };
  await deleteDB(await partitionName(ENDPOINT, PARTNER.id));
  await writeSession(null);
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: FIRM_SETTINGS });
});

describe('ActiveSession with sign-in with the firm', () => {
  it('signs in with the firm: the endpoint gets the provider’s access token, and the session store keeps no token', async () => {
    const { bearers, fetchImpl } = endpoint();
    const { firm, calls } = fakeFirm({ token: 'access-1' });
    const sessions = new ActiveSession(fetchImpl, undefined, firm);
    expect(await sessions.firmSignInName()).toBe('Marsh Okafor LLP');
    const signedIn = await sessions.signInWithFirm();
    expect(signedIn).toMatchObject({ ok: true, value: { id: PARTNER.id } });
    expect(calls).toEqual(['signIn']);
    const stored = await readSession();
    expect(stored).toMatchObject({ via: 'firm', user: { id: PARTNER.id } });
    expect(stored?.token).toBeUndefined();

    const active = await sessions.get();
    if ('signedOut' in active) throw new Error('not signed in');
    await active.api.me();
    expect(bearers).toEqual(['Bearer access-1', 'Bearer access-1']);
  });

  it('an ended firm session answers 401 without calling the endpoint (the callers then lock and hold writes)', async () => {
    const { bearers, fetchImpl } = endpoint();
    const state = { token: 'access-1' as string | null };
    const sessions = new ActiveSession(fetchImpl, undefined, fakeFirm(state).firm);
    await sessions.signInWithFirm();
    state.token = null;
    const active = await sessions.get();
    if ('signedOut' in active) throw new Error('not signed in');
    expect(await active.api.practiceAreas()).toMatchObject({ ok: false, error: { kind: 'http', status: 401 } });
    expect(bearers).toHaveLength(1); // only the sign-in's /me
  });

  it('sign-out ends the firm session too (the refresh token is revoked), and so does signing in with an API token', async () => {
    const { fetchImpl } = endpoint();
    const { firm, calls } = fakeFirm({ token: 'access-1' });
    const sessions = new ActiveSession(fetchImpl, undefined, firm);
    await sessions.signInWithFirm();
    await sessions.signOut();
    expect(calls).toEqual(['signIn', 'signOut']);
    expect(await sessions.signIn(ENDPOINT, 'api-token')).toMatchObject({ ok: true });
    expect(calls).toEqual(['signIn', 'signOut', 'signOut']);
  });

  it('without the provider configured, says so and does not open a login', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { endpointUrl: ENDPOINT } });
    const { firm, calls } = fakeFirm({ token: 'access-1' });
    const sessions = new ActiveSession(endpoint().fetchImpl, undefined, firm);
    expect(await sessions.firmSignInName()).toBeNull();
    expect(await sessions.signInWithFirm()).toMatchObject({ ok: false, error: { code: 'not-configured' } });
    expect(calls).toEqual([]);
  });
});
