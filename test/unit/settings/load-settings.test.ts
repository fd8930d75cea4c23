import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadSettings, saveUserSettings } from '@/lib/settings/load-settings';
import { DEFAULT_OIDC_SCOPES } from '@/lib/settings/oidc-scopes';

beforeEach(() => fakeBrowser.reset());

const firmPolicy = {
  endpointUrl: 'https://lens.firm.example',
  oidcIssuer: 'https://login.firm.example/tenant/v2.0',
  oidcClientId: 'lens-extension',
  oidcScopes: 'openid email',
  firmName: 'Harbour & Vale LLP',
};

describe('loadSettings: sign-in settings from policy', () => {
  it('applies the firm’s sign-in settings and marks them managed', async () => {
    await fakeBrowser.storage.managed.set(firmPolicy);
    const { settings, managedKeys, problems } = await loadSettings();
    expect(settings).toMatchObject(firmPolicy);
    expect(managedKeys.sort()).toEqual(Object.keys(firmPolicy).sort());
    expect(problems).toEqual([]);
  });

  it('asks for openid, email, profile and a refresh token unless the firm says otherwise', async () => {
    const { settings } = await loadSettings();
    expect(settings.oidcScopes).toBe(DEFAULT_OIDC_SCOPES);
    expect(settings).toMatchObject({ oidcIssuer: null, oidcClientId: null, firmName: null });
  });

  it('lets policy win over the user’s own value', async () => {
    await saveUserSettings({ firmName: 'My guess', oidcClientId: 'mine' });
    await fakeBrowser.storage.managed.set({ firmName: 'Harbour & Vale LLP' });
    const { settings, managedKeys } = await loadSettings();
    expect(settings.firmName).toBe('Harbour & Vale LLP');
    expect(settings.oidcClientId).toBe('mine');
    expect(managedKeys).toEqual(['firmName']);
  });
});

describe('loadSettings: a malformed policy', () => {
  // Chromium drops values of the wrong type or out of range against managed_schema.json before
  // the extension sees them; Firefox has no schema and passes them on. Both reach this code here.
  it('reports each bad value in plain words and still applies the good ones', async () => {
    await fakeBrowser.storage.managed.set({
      endpointUrl: 'https://lens.firm.example',
      requestTimeoutSeconds: 'thirty',
      cacheMaxClients: 5,
      maxCacheAgeHours: 1.5,
      oidcIssuer: 'http://login.firm.example',
      oidcScopes: 'email profile',
      firmName: '',
    });
    const { settings, managedKeys, problems, invalid } = await loadSettings();
    expect(settings.endpointUrl).toBe('https://lens.firm.example');
    expect(managedKeys).toEqual(['endpointUrl']);
    expect(invalid.sort()).toEqual(['cacheMaxClients', 'firmName', 'maxCacheAgeHours', 'oidcIssuer', 'oidcScopes', 'requestTimeoutSeconds']);
    const said = Object.fromEntries(problems.map((p) => [p.key, p.message]));
    expect(said.requestTimeoutSeconds).toBe('Your firm’s policy sets “Request time-out (seconds)” to "thirty", but it must be a number. Secondment Lens uses 20 instead.');
    expect(said.cacheMaxClients).toBe('Your firm’s policy sets “Clients kept in the offline cache” to 5, but it must be at least 10. Secondment Lens uses 25000 instead.');
    expect(said.maxCacheAgeHours).toContain('to 1.5, but it must be a whole number.');
    expect(said.oidcIssuer).toContain('“Sign-in: identity provider (OIDC issuer)” to "http://login.firm.example", but it breaks this rule: Use an https:// address (plain http only for this computer, e.g. http://127.0.0.1:8787). Secondment Lens leaves it unset.');
    expect(said.oidcScopes).toContain('including openid');
    expect(said.firmName).toContain('“Firm name” to "", but it must not be empty.');
    expect(problems.every((p) => p.source === 'policy')).toBe(true);
  });

  it('keeps the user’s own valid value when the policy’s is refused, and says so', async () => {
    await saveUserSettings({ requestTimeoutSeconds: 30 });
    await fakeBrowser.storage.managed.set({ requestTimeoutSeconds: 500 });
    const { settings, managedKeys, problems } = await loadSettings();
    expect(settings.requestTimeoutSeconds).toBe(30);
    expect(managedKeys).toEqual([]);
    expect(problems[0]?.message).toContain('to 500, but it must be at most 120. Secondment Lens uses 30 instead.');
  });

  it('reports a bad value in the user’s own settings as theirs', async () => {
    await saveUserSettings({ oidcClientId: '' as unknown as string });
    const { problems } = await loadSettings();
    expect(problems).toEqual([{ key: 'oidcClientId', source: 'user', message: expect.stringMatching(/^Your own settings set “Sign-in: client id” to "", but it must not be empty/) }]);
  });
});
