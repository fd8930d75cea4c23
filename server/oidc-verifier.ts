import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';

export type OidcSettings = {
  /** The firm's OIDC issuer (`LENS_OIDC_ISSUER`): https, or http on loopback for tests. */
  issuer: string;
  /** The audience access tokens must carry (`LENS_OIDC_AUDIENCE`), e.g. the API's client id. */
  audience: string;
  /** Where the issuer's keys are; default: `jwks_uri` from the issuer's discovery document. */
  jwksUri?: string;
};

export type VerifiedIdentity = { subject: string; email: string | null };
export type OidcResult = { ok: true; identity: VerifiedIdentity } | { ok: false; reason: string; detail: string };

/** Signing algorithms accepted; `none` and HMAC (a shared secret the endpoint does not have) never. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** A compact JWS: three base64url parts. Anything else is an API token. */
export const looksLikeJwt = (token: string) => /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token);

/**
 * Checks access tokens from the firm's identity provider: signature against the issuer's published
 * keys (fetched once, refreshed by jose when a new key id appears), issuer, audience, expiry and
 * not-before (30 s of clock skew). Says in words why a token is refused.
 */
export function createOidcVerifier(settings: OidcSettings, doFetch: typeof fetch = fetch) {
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  const keys = async () => {
    if (jwks) return jwks;
    let uri = settings.jwksUri;
    if (!uri) {
      const res = await doFetch(`${settings.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`the issuer's discovery document answered ${res.status}`);
      const doc = await res.json() as { issuer?: unknown; jwks_uri?: unknown };
      if (doc.issuer !== settings.issuer) throw new Error(`the discovery document names another issuer (${String(doc.issuer)})`);
      if (typeof doc.jwks_uri !== 'string') throw new Error('the discovery document has no jwks_uri');
      uri = doc.jwks_uri;
    }
    jwks = createRemoteJWKSet(new URL(uri), { timeoutDuration: 10_000, cooldownDuration: 30_000 });
    return jwks;
  };

  return async function verify(token: string): Promise<OidcResult> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await keys(), {
        issuer: settings.issuer, audience: settings.audience, algorithms: ALGORITHMS, clockTolerance: 30, requiredClaims: ['sub', 'exp'],
      }));
    } catch (err) {
      return refusal(err);
    }
    return { ok: true, identity: { subject: payload.sub!, email: emailOf(payload) } };
  };
}

/**
 * The user's email from an access token: `email` (unless marked unverified), else the sign-in name
 * providers put in access tokens (`preferred_username`, Entra ID's `upn`) when it is an address.
 */
function emailOf(payload: JWTPayload): string | null {
  if (typeof payload.email === 'string') return payload.email_verified === false ? null : payload.email;
  for (const claim of ['preferred_username', 'upn']) {
    const value = payload[claim];
    if (typeof value === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) return value;
  }
  return null;
}

function refusal(err: unknown): OidcResult {
  if (err instanceof errors.JWTExpired) return { ok: false, reason: 'expired', detail: 'Your sign-in has expired. Sign in again.' };
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'aud') return { ok: false, reason: 'audience', detail: 'This sign-in was not issued for Secondment Lens. Sign in again.' };
    if (err.claim === 'iss') return { ok: false, reason: 'issuer', detail: 'This sign-in comes from an identity provider this endpoint does not trust.' };
    return { ok: false, reason: `claim ${err.claim}`, detail: 'This sign-in is not valid yet or lacks what the endpoint needs. Sign in again.' };
  }
  if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey) {
    return { ok: false, reason: 'signature', detail: 'This sign-in could not be verified. Sign in again.' };
  }
  if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JOSENotSupported) {
    return { ok: false, reason: 'algorithm', detail: 'This sign-in could not be verified. Sign in again.' };
  }
  // The issuer's keys could not be fetched: not the user's fault, and not a reason to trust the token.
  return { ok: false, reason: `unverifiable: ${(err as Error).message}`.slice(0, 200), detail: 'The firm\'s sign-in service cannot be reached to check your sign-in. Try again shortly.' };
}

/** `LENS_OIDC_ISSUER` + `LENS_OIDC_AUDIENCE` (+ optional `LENS_OIDC_JWKS_URI`), validated; none when unset. */
export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): OidcSettings | undefined {
  const issuer = env.LENS_OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  const audience = env.LENS_OIDC_AUDIENCE?.trim();
  if (!audience) throw new Error('LENS_OIDC_AUDIENCE must be set with LENS_OIDC_ISSUER (the audience your identity provider puts in access tokens for this API).');
  for (const [name, value] of [['LENS_OIDC_ISSUER', issuer], ['LENS_OIDC_JWKS_URI', env.LENS_OIDC_JWKS_URI?.trim()]] as const) {
    if (!value) continue;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`${name} must be a URL, not ${JSON.stringify(value)}.`);
    }
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new Error(`${name} must be https (plain http only on this machine).`);
  }
  return { issuer, audience, jwksUri: env.LENS_OIDC_JWKS_URI?.trim() || undefined };
}
