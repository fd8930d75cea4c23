import { intuneNotes } from './intune-notes';
import { firefoxPolicies, linuxPolicy } from './json-policies';
import type { KitOptions } from './kit-options';
import { macosProfile } from './macos-profile';
import { chromeUpdateXml, firefoxUpdatesJson } from './update-manifests';
import { encodeRegFile, windowsRegFile } from './windows-reg';

/** One file of the kit: its path inside the output folder and its bytes. */
export interface KitFile {
  path: string;
  content: string | Buffer;
}

/** Every file of the deployment kit, generated from the same options (and managed_schema.json). */
export function buildKit(options: KitOptions): KitFile[] {
  const files: KitFile[] = [
    { path: 'windows/chrome.reg', content: encodeRegFile(windowsRegFile('chrome', options)) },
    { path: 'windows/edge.reg', content: encodeRegFile(windowsRegFile('edge', options)) },
    { path: 'macos/secondment-lens.mobileconfig', content: macosProfile(options) },
    { path: 'linux/chrome/secondment-lens.json', content: linuxPolicy(options) },
    { path: 'linux/chromium/secondment-lens.json', content: linuxPolicy(options) },
    { path: 'firefox/policies.json', content: firefoxPolicies(options) },
    { path: 'intune.md', content: intuneNotes(options) },
  ];
  if (options.selfHosted) {
    files.push(
      { path: 'update/chrome-updates.xml', content: chromeUpdateXml(options, options.selfHosted.version) },
      { path: 'update/firefox-updates.json', content: firefoxUpdatesJson(options, options.selfHosted.version) },
    );
  }
  return files;
}
