/**
 * The background's firm sign-in service with injected parts (the login followed in Node instead of
 * identity.launchWebAuthFlow, the token record in memory) against a real OIDC provider on loopback.
 * The same service in Chromium: test/e2e/firm-sign-in.spec.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredTokens, TokenRecordStore } from '@/lib/auth/auth-db';
import { SignInRequired } from '@/lib/auth/oidc-session';
import { FirmSignIn } from '@/lib/background/firm-sign-in';
import { followLogin, startOidcProvider, type TestOidcProvider, TEST_ACCOUNT, TEST_REDIRECT_URI } from '../../support/oidc-provider';

const CLIENT_ID = 'secondment-lens-unit';
const REDIRECT = TEST_REDIRECT_URI;
const ELEANOR = TEST_ACCOUNT;
let idp: TestOidcProvider;

beforeAll(async () => {
  idp = await startOidcProvider({ clientId: CLIENT_ID, redirectUris: [REDIRECT], account: ELEANOR, accessTokenTtlSeconds: 120 });
});
afterAll(() => idp.close());

function memoryRecords(): TokenRecordStore & { current(): StoredTokens | null } {
  let record: StoredTokens | null = null;
  return { current: () => record, read: async () => record, write: async (r) => { record = r; } };
}

function service(records: TokenRecordStore, launched: string[] = []) {
  return new FirmSignIn({
    records,
    redirectUri: () => REDIRECT,
    launch: (url) => (launched.push(url), followLogin(url, REDIRECT)),
  });
}

const config = () => ({ issuer: idp.issuer, clientId: CLIENT_ID, scopes: 'openid email profile offline_access' });

describe('FirmSignIn', () => {
  it('signs in through the launched login with PKCE S256, state and nonce, to the redirect URI; stores the tokens under their issuer', async () => {
    const records = memoryRecords();
    const launched: string[] = [];
    const tokens = await service(records, launched).signIn(config());
    const asked = new URL(launched[0]!).searchParams;
    expect(asked.get('code_challenge_method')).toBe('S256');
    expect(asked.get('redirect_uri')).toBe(REDIRECT);
    expect(asked.get('state')).toBeTruthy();
    expect(asked.get('nonce')).toBeTruthy();
    expect(records.current()).toEqual({ issuer: idp.issuer, clientId: CLIENT_ID, tokens });
  });

  it('the bearer: the stored token now; after a 401 one refresh for two callers, and none when another caller already renewed it', async () => {
    const records = memoryRecords();
    const firm = service(records);
    const first = await firm.signIn(config());
    const bearer = firm.bearer(config());
    expect(await bearer.current()).toBe(first.accessToken);

    idp.setTokenDelay(200);
    const before = idp.refreshCount();
    const [a, b] = await Promise.all([bearer.renew(first.accessToken), bearer.renew(first.accessToken)]);
    idp.setTokenDelay(0);
    expect(a).toBe(b);
    expect(a).not.toBe(first.accessToken);
    expect(idp.refreshCount() - before).toBe(1);

    // A request that left with the old token comes back 401 after the refresh: the new token, no refresh.
    expect(await bearer.renew(first.accessToken)).toBe(a);
    expect(idp.refreshCount() - before).toBe(1);
  });

  it('tokens of another issuer or client are not used; a refused refresh ends the session and forgets them', async () => {
    const records = memoryRecords();
    const firm = service(records);
    const tokens = await firm.signIn(config());
    const other = firm.bearer({ ...config(), clientId: 'another-client' });
    await expect(other.current()).rejects.toBeInstanceOf(SignInRequired);

    await idp.revokeRefreshToken(tokens.refreshToken!);
    const bearer = firm.bearer(config());
    const error = await bearer.renew(tokens.accessToken).catch((e: unknown) => e);
    expect(bearer.ended(error)).toBe(true);
    expect(records.current()).toBeNull();
  });

  it('sign-out revokes the refresh token at the issuer that issued it, even after the settings changed', async () => {
    const records = memoryRecords();
    const tokens = await service(records).signIn(config());
    const before = idp.revocationCount();
    await service(records).signOut(); // a fresh service: nothing but the stored record says where to revoke
    expect(idp.revocationCount() - before).toBe(1);
    expect(records.current()).toBeNull();
    expect(await idp.provider.RefreshToken.find(tokens.refreshToken!)).toBeUndefined();
  });
});
