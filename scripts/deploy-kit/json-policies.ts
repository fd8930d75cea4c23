import type { KitOptions } from './kit-options';

/** Where Chrome and Chromium read machine policy on Linux (the file name is free; *.json). */
export const LINUX_POLICY_DIRS = { chrome: '/etc/opt/chrome/policies/managed', chromium: '/etc/chromium/policies/managed' } as const;

/**
 * Linux policy for Chrome or Chromium: force-install plus the `3rdparty` section, the same layout
 * the real-Chromium test (test/e2e/policy.spec.ts) writes and sees applied.
 */
export function linuxPolicy(options: KitOptions): string {
  return json({
    ExtensionInstallForcelist: [`${options.extensionId};${options.updateUrl}`],
    '3rdparty': { extensions: { [options.extensionId]: options.policy } },
  });
}

/**
 * Firefox's policies.json (its `distribution/` folder, or /etc/firefox/policies on Linux; the
 * same settings exist as Group Policy and macOS keys): ExtensionSettings force-installs the add-on
 * from `install_url`, and `3rdparty.Extensions` gives it the firm's settings as managed storage.
 */
export function firefoxPolicies(options: KitOptions): string {
  return json({
    policies: {
      ExtensionSettings: { [options.firefoxId]: { installation_mode: 'force_installed', install_url: options.firefoxInstallUrl } },
      '3rdparty': { Extensions: { [options.firefoxId]: options.policy } },
    },
  });
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
