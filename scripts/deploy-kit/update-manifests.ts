import type { KitOptions } from './kit-options';
import { json } from './json-policies';
import { escapeXml } from './plist-xml';

/** Package file names the update manifests point at, beside them on the firm's server. */
export const packageNames = (version: string) => ({ crx: `secondment-lens-${version}.crx`, xpi: `secondment-lens-${version}.xpi` });

/**
 * Chrome and Edge's update manifest (the "gupdate" XML served at --update-url): which version is
 * current and where its .crx is. The .crx is put beside the manifest on the same server.
 */
export function chromeUpdateXml(options: KitOptions, version: string): string {
  const codebase = new URL(packageNames(version).crx, options.updateUrl).href;
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${escapeXml(options.extensionId)}'>`,
    `    <updatecheck codebase='${escapeXml(codebase)}' version='${escapeXml(version)}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

/**
 * Firefox's update manifest (updates.json): the add-on's `browser_specific_settings.gecko.update_url`
 * points at it. The .xpi (signed by Mozilla as unlisted) is put beside it.
 */
export function firefoxUpdatesJson(options: KitOptions, version: string): string {
  const link = new URL(packageNames(version).xpi, options.updateUrl).href;
  return json({ addons: { [options.firefoxId]: { updates: [{ version, update_link: link }] } } });
}
