/**
 * The endpoint accepts access tokens from the firm's identity provider: a real issuer on loopback
 * (discovery document and JWKS over HTTP) signs tokens; the endpoint checks signature, issuer,
 * audience and expiry, maps the token to its user by subject or email, and refuses the rest with 401.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditPage, User } from '../../lib/contract';
import { DEMO_TOKENS, DEMO_USERS } from '../../server/demo/demo-ids';
import { oidcSettingsFromEnv } from '../../server/oidc-verifier';
import type { RunningServer } from '../../server/start-server';
import { client, ok, problem, start, tempDir } from './helpers';

const tmp = tempDir();
const AUDIENCE = 'secondment-lens-api';
let issuer: { url: string; server: Server; sign: (claims: Record<string, unknown>, opts?: { expiresIn?: string | number; key?: CryptoKey; audience?: string; issuer?: string }) => Promise<string> };
let server: RunningServer;

/** A minimal OIDC issuer: discovery + JWKS over HTTP, and a signer for its access tokens. */
async function startIssuer() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const http = createServer((req, res) => {
    const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    res.setHeader('Content-Type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') res.end(JSON.stringify({ issuer: base, jwks_uri: `${base}/jwks` }));
    else if (req.url === '/jwks') res.end(JSON.stringify({ keys: [jwk] }));
    else { res.statusCode = 404; res.end('{}'); }
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const sign: typeof issuer.sign = (claims, opts = {}) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(opts.issuer ?? url).setAudience(opts.audience ?? AUDIENCE).setIssuedAt().setExpirationTime(opts.expiresIn ?? '5m')
    .sign(opts.key ?? privateKey);
  return { url, server: http, sign };
}

beforeAll(async () => {
  issuer = await startIssuer();
  server = await start(tmp.file(), { oidc: { issuer: issuer.url, audience: AUDIENCE } });
});
afterAll(async () => {
  await server.close();
  await new Promise((resolve) => issuer.server.close(resolve));
  tmp.remove();
});

const partnerClaims = { sub: 'idp-eleanor', email: DEMO_USERS.partner.email, email_verified: true };

describe('access tokens from the firm\'s identity provider', () => {
  it('a valid token signs the user in by email, then by subject; API tokens still work', async () => {
    const token = await issuer.sign(partnerClaims);
    expect(await ok(await client(server, token).get('/v1/me'), User)).toMatchObject({ id: DEMO_USERS.partner.id });
    // Bound to the subject: a later change of email at the provider keeps the account.
    const renamed = await issuer.sign({ ...partnerClaims, email: 'eleanor.new@marshokafor.example' });
    expect(await ok(await client(server, renamed).get('/v1/me'), User)).toMatchObject({ id: DEMO_USERS.partner.id });
    expect((await client(server, DEMO_TOKENS.bd).get('/v1/me')).status).toBe(200);
  });

  it('a forged, expired, wrong-audience or wrong-issuer token is a 401 problem that says why', async () => {
    const { privateKey: otherKey } = await generateKeyPair('RS256');
    const cases: Array<[string, Promise<string>, RegExp]> = [
      ['forged', issuer.sign(partnerClaims, { key: otherKey }), /could not be verified/],
      ['expired', issuer.sign(partnerClaims, { expiresIn: Math.floor(Date.now() / 1000) - 120 }), /expired/],
      ['audience', issuer.sign(partnerClaims, { audience: 'another-api' }), /not issued for Secondment Lens/],
      ['issuer', issuer.sign(partnerClaims, { issuer: 'https://evil.example' }), /does not trust/],
    ];
    for (const [name, tokenP, detail] of cases) {
      const res = await client(server, await tokenP).get('/v1/me');
      const body = await problem(res, 401);
      expect(body.detail, name).toMatch(detail);
      expect(res.headers.get('www-authenticate'), name).toContain('invalid_token');
    }
    // A token with alg "none" is never accepted.
    const [, payload] = (await issuer.sign(partnerClaims)).split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload}.sig`;
    await problem(await client(server, unsigned).get('/v1/me'), 401);
  });

  it('an unknown user or a disabled user is refused at once, and the refusal is audited', async () => {
    await problem(await client(server, await issuer.sign({ sub: 'idp-stranger', email: 'stranger@elsewhere.example' })).get('/v1/me'), 401);
    const token = await issuer.sign({ sub: 'idp-priya', email: DEMO_USERS.bd.email });
    expect((await client(server, token).get('/v1/me')).status).toBe(200);
    (await server.store.users.disable(DEMO_USERS.bd.id));
    try {
      const refused = await problem(await client(server, token).get('/v1/me'), 401);
      expect(refused.detail).toMatch(/turned off/);
    } finally {
      (await server.store.users.enable(DEMO_USERS.bd.id));
    }
    const trail = await ok(await client(server, DEMO_TOKENS.risk).get('/v1/audit?action=signin.failed'), AuditPage);
    expect(trail.entries.map((e) => e.target)).toEqual(expect.arrayContaining([
      expect.stringMatching(/identity provider: unknown/), expect.stringMatching(/identity provider: disabled/), expect.stringMatching(/identity provider: expired/),
    ]));
  });

  it('an unverified email does not sign anyone in', async () => {
    await problem(await client(server, await issuer.sign({ sub: 'idp-someone', email: DEMO_USERS.risk.email, email_verified: false })).get('/v1/me'), 401);
  });

  it('LENS_OIDC_* settings are validated', async () => {
    expect(oidcSettingsFromEnv({})).toBeUndefined();
    expect(() => oidcSettingsFromEnv({ LENS_OIDC_ISSUER: 'https://login.firm.example' })).toThrow(/LENS_OIDC_AUDIENCE/);
    expect(() => oidcSettingsFromEnv({ LENS_OIDC_ISSUER: 'http://login.firm.example', LENS_OIDC_AUDIENCE: 'a' })).toThrow(/https/);
    expect(oidcSettingsFromEnv({ LENS_OIDC_ISSUER: 'https://login.firm.example/', LENS_OIDC_AUDIENCE: 'api' })).toEqual({ issuer: 'https://login.firm.example/', audience: 'api', jwksUri: undefined });
  });
});
