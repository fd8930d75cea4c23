import { z } from 'zod';
import { ENDPOINT_URL_RULE, isAllowedEndpointUrl } from './endpoint-url';
import { SIDEBAR_PLACEMENTS } from './sidebar-placement';
import { DEFAULT_OIDC_SCOPES, isScopeList, SCOPES_RULE } from './oidc-scopes';

/**
 * Settings a user may set in the options page and firm IT may fix by policy (managed storage,
 * see public/managed_schema.json). A policy value always wins over the user's.
 */
export const SettingsSchema = z.object({
  /** Base URL of the firm endpoint, e.g. `https://lens.firm.example` (the API lives under /v1). */
  endpointUrl: z.url().max(500).refine(isAllowedEndpointUrl, ENDPOINT_URL_RULE).nullable().default(null),
  /** The firm's OpenID Connect issuer (Entra ID, Okta, Ping…); https, or http to this computer for tests. */
  oidcIssuer: z.url().max(500).refine(isAllowedEndpointUrl, ENDPOINT_URL_RULE).nullable().default(null),
  /** The extension's client id registered at that issuer (a public client: no secret). */
  oidcClientId: z.string().trim().min(1).max(200).nullable().default(null),
  /** Space-separated OAuth scopes; must include openid. */
  oidcScopes: z.string().trim().max(500).refine(isScopeList, SCOPES_RULE).default(DEFAULT_OIDC_SCOPES),
  /** The firm's name, shown on the sign-in button: "Sign in with <firm>". */
  firmName: z.string().trim().min(1).max(80).nullable().default(null),
  /** Cached context older than this is deleted, never shown as current (firm policy on stale data). */
  maxCacheAgeHours: z.number().int().min(1).max(24 * 365).default(24 * 14),
  /** After the endpoint refuses the user's sign-in (401), their cached data is locked, then deleted after this long. */
  signedOutGraceHours: z.number().int().min(0).max(24 * 90).default(72),
  /** How many clients' context to keep; the least recently viewed go first. */
  cacheMaxClients: z.number().int().min(10).max(100_000).default(25_000),
  /** Request time-out, seconds. */
  requestTimeoutSeconds: z.number().int().min(2).max(120).default(20),
  /**
   * Where the sidebar shows: 'page', a frame beside the record inside the CRM page; 'side-panel',
   * only the browser's own side panel (Firefox: its sidebar), with nothing inserted into the page.
   */
  sidebarPlacement: z.enum(SIDEBAR_PLACEMENTS).default('page'),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SETTINGS_KEY = 'lens.settings';
