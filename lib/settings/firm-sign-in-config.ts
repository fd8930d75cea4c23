import type { OidcConfig } from '../auth/oidc-session';
import type { Settings } from './settings-schema';

/** The firm's identity provider as configured (policy or options); null until issuer and client id are both set. */
export function firmOidcConfig(settings: Pick<Settings, 'oidcIssuer' | 'oidcClientId' | 'oidcScopes'>): OidcConfig | null {
  if (!settings.oidcIssuer || !settings.oidcClientId) return null;
  return { issuer: settings.oidcIssuer, clientId: settings.oidcClientId, scopes: settings.oidcScopes };
}

/** "<firm>" of "Sign in with <firm>": the firm's name, else the identity provider's host; null when sign-in with the firm is not configured. */
export function firmSignInName(settings: Pick<Settings, 'oidcIssuer' | 'oidcClientId' | 'oidcScopes' | 'firmName'>): string | null {
  const config = firmOidcConfig(settings);
  if (!config) return null;
  return settings.firmName ?? new URL(config.issuer).host;
}
