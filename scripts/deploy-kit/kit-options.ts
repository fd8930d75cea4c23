import { parseArgs } from 'node:util';
import { checkSetting } from '../../lib/settings/check-setting';
import { POLICY_PROPERTIES } from '../../lib/settings/policy-schema';
import { type Settings, SettingsSchema } from '../../lib/settings/settings-schema';

/** What the deployment kit is generated from: one extension, its policy values, where it updates. */
export interface KitOptions {
  extensionId: string;
  /** Policy values by schema key, already checked by the extension's own rules. */
  policy: Record<string, string | number>;
  /** Chrome/Edge update URL in the force-install list: the Web Store's, or the firm's own. */
  updateUrl: string;
  /** Set when the firm hosts the package itself: the kit then writes the update manifests. */
  selfHosted: { version: string } | null;
  firefoxId: string;
  firefoxInstallUrl: string;
  outDir: string;
}

export const CHROME_WEB_STORE_UPDATE_URL = 'https://clients2.google.com/service/update2/crx';
export const FIREFOX_ID = 'secondment-lens@example.org'; // wxt.config.ts, browser_specific_settings.gecko.id
const AMO_LATEST = 'https://addons.mozilla.org/firefox/downloads/latest/secondment-lens/latest.xpi';

/** A bad argument: the CLI prints `message` and exits with status 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: npm run deploy-kit -- --extension-id <id> --endpoint <url> [options]

  --extension-id <id>        the extension's id in Chrome and Edge (32 letters a-p)
  --endpoint <url>           the firm endpoint, e.g. https://lens.firm.example
  --issuer <url>             sign-in: the firm's OpenID Connect issuer
  --client-id <id>           sign-in: the client id registered at that issuer
  --scopes <scopes>          sign-in: scopes (default "openid email profile offline_access")
  --firm-name <name>         shown on the sign-in button: "Sign in with <name>"
  --set <key>=<value>        any other policy key of public/managed_schema.json (repeatable)
  --update-url <url>         the firm's own update URL (self-hosting); default: the Chrome Web Store
  --version <x.y.z>          version in the self-hosted update manifests (default: package.json's)
  --firefox-id <id>          the Firefox add-on id (default ${FIREFOX_ID})
  --firefox-install-url <url> where Firefox downloads the add-on (default: addons.mozilla.org)
  --out <dir>                where to write the files (default ./deploy-kit)`;

/** Flags that become policy values, by schema key. */
const POLICY_FLAGS = { endpoint: 'endpointUrl', issuer: 'oidcIssuer', 'client-id': 'oidcClientId', scopes: 'oidcScopes', 'firm-name': 'firmName' } as const;

/** Parses and checks the command line; any problem is a UsageError naming the argument. */
export function parseKitOptions(argv: string[], defaultVersion: string): KitOptions {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'extension-id': { type: 'string' }, endpoint: { type: 'string' }, issuer: { type: 'string' }, 'client-id': { type: 'string' },
        scopes: { type: 'string' }, 'firm-name': { type: 'string' }, set: { type: 'string', multiple: true }, 'update-url': { type: 'string' },
        version: { type: 'string' }, 'firefox-id': { type: 'string' }, 'firefox-install-url': { type: 'string' }, out: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const text = (name: string) => values[name] as string | undefined;
  const extensionId = text('extension-id');
  if (!extensionId) throw new UsageError('--extension-id is required.');
  if (!/^[a-p]{32}$/.test(extensionId)) throw new UsageError(`--extension-id: "${extensionId}" is not an extension id (32 letters a to p, as chrome://extensions shows it).`);
  if (!text('endpoint')) throw new UsageError('--endpoint is required.');

  const policy: Record<string, string | number> = {};
  for (const [flag, key] of Object.entries(POLICY_FLAGS)) {
    const value = text(flag);
    if (value !== undefined) policy[key] = checked(`--${flag}`, key, value);
  }
  for (const pair of (values.set as string[] | undefined) ?? []) {
    const [key, raw] = splitPair(pair);
    const property = POLICY_PROPERTIES[key];
    if (!property || !(key in SettingsSchema.shape)) throw new UsageError(`--set ${pair}: "${key}" is not a setting of public/managed_schema.json (${Object.keys(SettingsSchema.shape).join(', ')}).`);
    if (property.type === 'integer' && !/^-?\d+$/.test(raw)) throw new UsageError(`--set ${pair}: ${key} must be a whole number.`);
    policy[key] = checked(`--set ${key}`, key as keyof Settings, property.type === 'integer' ? Number(raw) : raw);
  }

  const updateUrl = text('update-url');
  if (updateUrl !== undefined) httpsUrl('--update-url', updateUrl);
  const version = text('version') ?? defaultVersion;
  if (!/^\d+(\.\d+){0,3}$/.test(version)) throw new UsageError(`--version: "${version}" is not an extension version (1 to 4 numbers separated by dots).`);
  const firefoxId = text('firefox-id') ?? FIREFOX_ID;
  if (!/^[\w.+-]+@[\w.-]+$|^\{[0-9a-fA-F-]{36}\}$/.test(firefoxId)) throw new UsageError(`--firefox-id: "${firefoxId}" is not a Firefox add-on id (name@domain or a {GUID}).`);
  const firefoxInstallUrl = text('firefox-install-url') ?? AMO_LATEST;
  httpsUrl('--firefox-install-url', firefoxInstallUrl);
  const outDir = text('out') ?? 'deploy-kit';
  if (!outDir.trim()) throw new UsageError('--out: give a folder.');
  return { extensionId, policy, updateUrl: updateUrl ?? CHROME_WEB_STORE_UPDATE_URL, selfHosted: updateUrl ? { version } : null, firefoxId, firefoxInstallUrl, outDir };
}

/** A value checked by the same rule the extension applies to policy, so the kit never ships one it refuses. */
function checked(argument: string, key: keyof Settings, value: string | number): string | number {
  if (typeof value === 'string' && /[\u0000-\u001f\u007f]/.test(value)) throw new UsageError(`${argument}: line breaks and control characters cannot go into policy files.`);
  const result = checkSetting(key, value);
  if (!result.ok) throw new UsageError(`${argument}: ${result.error}`);
  return result.value as string | number;
}

function splitPair(pair: string): [string, string] {
  const at = pair.indexOf('=');
  if (at <= 0) throw new UsageError(`--set ${pair}: write it as key=value.`);
  return [pair.slice(0, at), pair.slice(at + 1)];
}

function httpsUrl(argument: string, value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${argument}: "${value}" is not a full web address.`);
  }
  if (url.protocol !== 'https:') throw new UsageError(`${argument}: browsers install and update only over https; "${value}" is not.`);
}
