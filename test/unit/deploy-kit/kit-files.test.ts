import { DOMParser } from '@xmldom/xmldom';
import { parse as parsePlist } from 'plist';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { buildKit } from '@/scripts/deploy-kit/build-kit';
import { parseKitOptions } from '@/scripts/deploy-kit/kit-options';
import { encodeRegFile } from '@/scripts/deploy-kit/windows-reg';
import { loadSettings } from '@/lib/settings/load-settings';
import { parseRegFile } from './reg-file';

// Every file of the deployment kit, parsed back the way its consumer reads it, and the policy it
// carries given to the extension's own settings loader: nothing refused, everything managed.

const ID = 'kcfhhkbdkgjlcjbbgdlhpcnmpmngafdp';
const args = [
  '--extension-id', ID, '--endpoint', 'https://lens.harbourvale.example', '--issuer', 'https://login.microsoftonline.com/7f3c/v2.0',
  '--client-id', 'b1e2-lens', '--scopes', 'openid email offline_access', '--firm-name', 'O\'Neil & Vale "Legal" <LLP>',
  '--set', 'maxCacheAgeHours=48', '--set', 'requestTimeoutSeconds=30', '--update-url', 'https://it.harbourvale.example/lens/updates.xml', '--version', '1.4.2',
];
const options = parseKitOptions(args, '0.1.0');
const files = new Map(buildKit(options).map((f) => [f.path, f.content]));
const text = (path: string) => String(files.get(path));
const expectedPolicy = {
  endpointUrl: 'https://lens.harbourvale.example', oidcIssuer: 'https://login.microsoftonline.com/7f3c/v2.0', oidcClientId: 'b1e2-lens',
  oidcScopes: 'openid email offline_access', firmName: 'O\'Neil & Vale "Legal" <LLP>', maxCacheAgeHours: 48, requestTimeoutSeconds: 30,
};

beforeEach(() => fakeBrowser.reset());

/** The policy as the extension would receive it: every key applied, locked, nothing reported. */
async function expectAppliedByExtension(policy: Record<string, unknown>) {
  await fakeBrowser.storage.managed.set(policy);
  const { settings, managedKeys, problems } = await loadSettings();
  expect(problems).toEqual([]);
  expect(managedKeys.sort()).toEqual(Object.keys(expectedPolicy).sort());
  expect(settings).toMatchObject(expectedPolicy);
}

it('writes the files IT needs, and the update manifests only for a self-hosted package', () => {
  expect([...files.keys()]).toEqual([
    'windows/chrome.reg', 'windows/edge.reg', 'macos/secondment-lens.mobileconfig', 'linux/chrome/secondment-lens.json',
    'linux/chromium/secondment-lens.json', 'firefox/policies.json', 'intune.md', 'update/chrome-updates.xml', 'update/firefox-updates.json',
  ]);
  const storeKit = buildKit(parseKitOptions(['--extension-id', ID, '--endpoint', 'https://lens.harbourvale.example'], '0.1.0'));
  expect(storeKit.map((f) => f.path).filter((p) => p.startsWith('update/'))).toEqual([]);
  expect(JSON.parse(String(storeKit.find((f) => f.path === 'linux/chrome/secondment-lens.json')!.content)).ExtensionInstallForcelist)
    .toEqual([`${ID};https://clients2.google.com/service/update2/crx`]);
});

describe('Windows registry files', () => {
  for (const [file, root] of [['windows/chrome.reg', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome'], ['windows/edge.reg', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge']] as const) {
    it(`${file}: force-install and the 3rdparty settings, typed by the schema`, async () => {
      const keys = parseRegFile(files.get(file) as Buffer);
      expect([...keys.keys()]).toEqual([`${root}\\ExtensionInstallForcelist`, `${root}\\3rdparty\\extensions\\${ID}\\policy`]);
      expect(keys.get(`${root}\\ExtensionInstallForcelist`)?.get('1')).toEqual({ type: 'REG_SZ', value: `${ID};https://it.harbourvale.example/lens/updates.xml` });
      const policy = keys.get(`${root}\\3rdparty\\extensions\\${ID}\\policy`)!;
      expect(policy.get('maxCacheAgeHours')).toEqual({ type: 'REG_DWORD', value: 48 });
      expect(policy.get('firmName')).toEqual({ type: 'REG_SZ', value: 'O\'Neil & Vale "Legal" <LLP>' });
      await expectAppliedByExtension(Object.fromEntries([...policy].map(([name, v]) => [name, v.value])));
    });
  }

  it('the strict reader refuses what regedit would misread', () => {
    const good = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\X]\r\n"a"="b"\r\n';
    expect(parseRegFile(encodeRegFile(good)).get('HKEY_LOCAL_MACHINE\\SOFTWARE\\X')?.get('a')).toEqual({ type: 'REG_SZ', value: 'b' });
    expect(() => parseRegFile(Buffer.from(good, 'utf16le'))).toThrow('byte-order mark');
    expect(() => parseRegFile(encodeRegFile(good.replaceAll('\r\n', '\n')))).toThrow('CRLF');
    expect(() => parseRegFile(encodeRegFile(good.replace('"b"', '"b"c"')))).toThrow('line 4');
    expect(() => parseRegFile(encodeRegFile(good.replace('"b"', 'dword:30')))).toThrow('line 4');
    expect(() => parseRegFile(encodeRegFile(good.replace('[HKEY_LOCAL_MACHINE\\SOFTWARE\\X]\r\n', '')))).toThrow('before any [key]');
  });
});

describe('macOS configuration profile', () => {
  const profile = parsePlist(text('macos/secondment-lens.mobileconfig')) as Record<string, unknown> & { PayloadContent: Record<string, unknown>[] };

  it('is a system Configuration profile with a payload per browser domain', () => {
    expect(profile).toMatchObject({ PayloadType: 'Configuration', PayloadScope: 'System', PayloadVersion: 1 });
    expect(profile.PayloadContent.map((p) => p.PayloadType)).toEqual([
      'com.google.Chrome', `com.google.Chrome.extensions.${ID}`, 'com.microsoft.Edge', `com.microsoft.Edge.extensions.${ID}`,
    ]);
    const uuids = [profile.PayloadUUID, ...profile.PayloadContent.map((p) => p.PayloadUUID)];
    expect(new Set(uuids).size).toBe(5);
    for (const uuid of uuids) expect(uuid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
  });

  it('force-installs the extension and carries its settings', async () => {
    expect(profile.PayloadContent[0]?.ExtensionInstallForcelist).toEqual([`${ID};https://it.harbourvale.example/lens/updates.xml`]);
    const { PayloadType, PayloadIdentifier, PayloadUUID, PayloadVersion, PayloadDisplayName, ...policy } = profile.PayloadContent[1]!;
    await expectAppliedByExtension(policy);
  });

  it('keeps its UUIDs when generated again, so an MDM updates the profile instead of adding one', () => {
    expect(String(buildKit(options).find((f) => f.path.endsWith('.mobileconfig'))!.content)).toBe(text('macos/secondment-lens.mobileconfig'));
  });
});

describe('JSON policies', () => {
  for (const file of ['linux/chrome/secondment-lens.json', 'linux/chromium/secondment-lens.json']) {
    it(`${file}: force-install and the 3rdparty section Chromium applies (test/e2e/policy.spec.ts)`, async () => {
      const policy = JSON.parse(text(file));
      expect(Object.keys(policy)).toEqual(['ExtensionInstallForcelist', '3rdparty']);
      await expectAppliedByExtension(policy['3rdparty'].extensions[ID]);
    });
  }

  it('firefox/policies.json: ExtensionSettings force-installs, 3rdparty.Extensions carries the settings', async () => {
    const { policies } = JSON.parse(text('firefox/policies.json'));
    expect(policies.ExtensionSettings).toEqual({
      'secondment-lens@example.org': { installation_mode: 'force_installed', install_url: 'https://addons.mozilla.org/firefox/downloads/latest/secondment-lens/latest.xpi' },
    });
    await expectAppliedByExtension(policies['3rdparty'].Extensions['secondment-lens@example.org']);
  });
});

describe('self-hosted update manifests', () => {
  it('update/chrome-updates.xml: gupdate with the version and the .crx beside it', () => {
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, message) => void errors.push(`${level}: ${message}`) }).parseFromString(text('update/chrome-updates.xml'), 'text/xml');
    expect(errors).toEqual([]);
    const root = doc.documentElement!;
    expect([root.localName, root.namespaceURI, root.getAttribute('protocol')]).toEqual(['gupdate', 'http://www.google.com/update2/response', '2.0']);
    const apps = root.getElementsByTagName('app');
    expect(apps.length).toBe(1);
    expect(apps[0]!.getAttribute('appid')).toBe(ID);
    const check = apps[0]!.getElementsByTagName('updatecheck')[0]!;
    expect([check.getAttribute('version'), check.getAttribute('codebase')]).toEqual(['1.4.2', 'https://it.harbourvale.example/lens/secondment-lens-1.4.2.crx']);
  });

  it('update/firefox-updates.json: the add-on’s versions and their .xpi', () => {
    expect(JSON.parse(text('update/firefox-updates.json'))).toEqual({
      addons: { 'secondment-lens@example.org': { updates: [{ version: '1.4.2', update_link: 'https://it.harbourvale.example/lens/secondment-lens-1.4.2.xpi' }] } },
    });
  });
});

it('intune.md: the force-install entry, a PowerShell script that sets each value, a row per setting', async () => {
  const notes = text('intune.md');
  expect(notes).toContain(`\`${ID};https://it.harbourvale.example/lens/updates.xml\``);
  // The script, read strictly: a key line, then one line per value, for Chrome and then Edge.
  const script = /```powershell\n([^`]*)\n```/.exec(notes)![1]!.split('\n');
  const quoted = "'((?:[^']|'')*)'";
  const values: Record<string, Record<string, unknown>> = {};
  let key = '';
  for (const line of script) {
    const keyLine = new RegExp(`^\\$key = ${quoted}$`).exec(line);
    const string = new RegExp(`^New-ItemProperty -Path \\$key -Name ${quoted} -PropertyType String -Value ${quoted} -Force \\| Out-Null$`).exec(line);
    const dword = new RegExp(`^New-ItemProperty -Path \\$key -Name ${quoted} -PropertyType DWord -Value (\\d+) -Force \\| Out-Null$`).exec(line);
    const unquote = (text: string) => text.replaceAll("''", "'");
    if (keyLine) values[(key = unquote(keyLine[1]!))] = {};
    else if (string) values[key]![unquote(string[1]!)] = unquote(string[2]!);
    else if (dword) values[key]![unquote(dword[1]!)] = Number(dword[2]);
    else expect(line).toBe('New-Item -Path $key -Force | Out-Null');
  }
  expect(Object.keys(values)).toEqual([
    `HKLM:\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${ID}\\policy`,
    `HKLM:\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${ID}\\policy`,
  ]);
  for (const policy of Object.values(values)) {
    await expectAppliedByExtension(policy);
    fakeBrowser.reset();
  }
  expect(notes).toContain('| Firm name | `firmName` | REG_SZ | `O\'Neil & Vale "Legal" <LLP>` |');
  expect(notes).toContain('| Maximum age of cached client data (hours) | `maxCacheAgeHours` | REG_DWORD | `48` |');
});
