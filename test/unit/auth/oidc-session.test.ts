/**
 * The extension's sign-in with the firm's identity provider, against a real OIDC provider on
 * loopback (the oidc-provider library): code + PKCE, state and nonce, refresh single-flight with
 * rotation, a refused refresh ending the session, sign-out revoking. The browser's part (the
 * login page) is followed by `followLogin`; in the extension it is identity.launchWebAuthFlow.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OidcSession, SignInRequired, type TokenSet, type TokenStore } from '../../../lib/auth/oidc-session';
import { DEMO_USERS } from '../../../server/demo/demo-ids';
import { startServer } from '../../../server/start-server';
import { followLogin, startOidcProvider, TEST_API_AUDIENCE, type TestOidcProvider, TEST_ACCOUNT, TEST_REDIRECT_URI } from '../../support/oidc-provider';

const CLIENT_ID = 'secondment-lens-test';
const REDIRECT = TEST_REDIRECT_URI;
const ELEANOR = TEST_ACCOUNT;
let idp: TestOidcProvider;

beforeAll(async () => {
  idp = await startOidcProvider({ clientId: CLIENT_ID, redirectUris: [REDIRECT], account: ELEANOR, accessTokenTtlSeconds: 120 });
});
afterAll(() => idp.close());

function memoryStore(): TokenStore & { saves: Array<TokenSet | null> } {
  let current: TokenSet | null = null;
  const saves: Array<TokenSet | null> = [];
  return { saves, load: async () => current, save: async (t) => { current = t; saves.push(t); } };
}

function session(store: TokenStore, now?: () => number) {
  return new OidcSession({ issuer: idp.issuer, clientId: CLIENT_ID, scopes: 'openid email profile offline_access' }, store, { allowInsecureRequests: true, now });
}

describe('OidcSession', () => {
  it('signs in with code + PKCE (S256), state and nonce; the access token is a JWT for the API', async () => {
    const store = memoryStore();
    let asked = '';
    const tokens = await session(store).signIn(REDIRECT, (url) => {
      asked = url;
      return followLogin(url, REDIRECT);
    });
    const params = new URL(asked).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('state')).toBeTruthy();
    expect(params.get('nonce')).toBeTruthy();
    expect(tokens).toMatchObject({ subject: ELEANOR.sub, email: ELEANOR.email, name: ELEANOR.name });
    expect(tokens.refreshToken).toBeTruthy();
    expect(decodeJwt(tokens.accessToken)).toMatchObject({ iss: idp.issuer, aud: TEST_API_AUDIENCE, sub: ELEANOR.sub });
    expect(store.saves.at(-1)).toEqual(tokens);
  });

  it('refuses an answer whose state is not the one it sent', async () => {
    const store = memoryStore();
    await expect(session(store).signIn(REDIRECT, async (url) => {
      const back = new URL(await followLogin(url, REDIRECT));
      back.searchParams.set('state', 'forged');
      return back.href;
    })).rejects.toThrow(/state/i);
    expect(store.saves).toEqual([]);
  });

  it('refreshes an expiring token once for callers at the same moment, and never reuses a rotated refresh token', async () => {
    const store = memoryStore();
    let now = Date.now();
    const s = session(store, () => now);
    const first = await s.signIn(REDIRECT, (url) => followLogin(url, REDIRECT));
    now += 115_000; // inside the refresh margin of a 120 s token
    const before = idp.refreshCount();
    const tokens = await Promise.all([s.accessToken(), s.accessToken(), s.accessToken()]);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(first.accessToken);
    expect(idp.refreshCount() - before).toBe(1);
    const after = (await store.load())!;
    expect(after.refreshToken).not.toBe(first.refreshToken); // rotated

    // The old refresh token is dead at the provider: a session that tried it would be ended.
    const stale = memoryStore();
    await stale.save({ ...first });
    await expect(session(stale).refresh()).rejects.toBeInstanceOf(SignInRequired);
    expect(await stale.load()).toBeNull();
  });

  it('a refused refresh ends the session (SignInRequired) and forgets the tokens', async () => {
    const store = memoryStore();
    const s = session(store);
    const tokens = await s.signIn(REDIRECT, (url) => followLogin(url, REDIRECT));
    await store.save({ ...tokens, refreshToken: 'revoked-or-made-up', expiresAt: 0 });
    await expect(s.accessToken()).rejects.toBeInstanceOf(SignInRequired);
    expect(await store.load()).toBeNull();
    await expect(s.accessToken()).rejects.toThrow(/not signed in/);
  });

  it('its access token signs the user in at the reference endpoint (same issuer, audience, email)', async () => {
    const tokens = await session(memoryStore()).signIn(REDIRECT, (url) => followLogin(url, REDIRECT));
    const endpoint = await startServer({ port: 0, dbPath: ':memory:', seed: true, oidc: { issuer: idp.issuer, audience: TEST_API_AUDIENCE } });
    try {
      const me = await fetch(`${endpoint.url}/v1/me`, { headers: { Authorization: `Bearer ${tokens.accessToken}` } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ id: DEMO_USERS.partner.id, email: ELEANOR.email });
    } finally {
      await endpoint.close();
    }
  });

  it('sign-out revokes the refresh token at the provider', async () => {
    const store = memoryStore();
    const s = session(store);
    const tokens = await s.signIn(REDIRECT, (url) => followLogin(url, REDIRECT));
    await s.signOut();
    expect(await store.load()).toBeNull();
    const again = memoryStore();
    await again.save(tokens);
    await expect(session(again).refresh()).rejects.toBeInstanceOf(SignInRequired);
  });
});
