/**
 * OAuth scopes of the firm sign-in (issue 13). No zod here: the options form checks with it too.
 * offline_access asks for a refresh token, so a lawyer is not sent to the login page every hour.
 */
export const DEFAULT_OIDC_SCOPES = 'openid email profile offline_access';

/** RFC 6749 §3.3: scope tokens are printable ASCII but space, `"` and `\`, separated by single spaces. */
const SCOPE_LIST = /^[\x21\x23-\x5B\x5D-\x7E]+(?: [\x21\x23-\x5B\x5D-\x7E]+)*$/;

/** Whether `value` is a scope list an OpenID provider accepts for sign-in (it must ask for openid). */
export function isScopeList(value: string): boolean {
  return SCOPE_LIST.test(value) && value.split(' ').includes('openid');
}

export const SCOPES_RULE = 'List the scopes separated by single spaces, including openid (e.g. "openid email profile offline_access").';
