import type { KitOptions } from './kit-options';
import { plistXml, type PlistValue } from './plist-xml';
import { stableUuid } from './profile-uuid';

/** The managed-preference domains of each browser on macOS. */
export const MAC_DOMAINS = { chrome: 'com.google.Chrome', edge: 'com.microsoft.Edge' } as const;

/**
 * A configuration profile (.mobileconfig) for Jamf, Kandji, Intune for macOS or a double-click:
 * for Chrome and Edge, a payload in the browser's domain that force-installs the extension, and a
 * payload in `<browser domain>.extensions.<id>`, the domain each reads an extension's policy from.
 */
export function macosProfile(options: KitOptions): string {
  const id = options.extensionId;
  const payload = (type: string, name: string, content: Record<string, PlistValue>): Record<string, PlistValue> => ({
    PayloadType: type,
    PayloadIdentifier: `org.secondmentlens.${id}.${type}`,
    PayloadUUID: stableUuid(`${id}:${type}`),
    PayloadVersion: 1,
    PayloadDisplayName: name,
    ...content,
  });
  const payloads = Object.entries(MAC_DOMAINS).flatMap(([browser, domain]) => {
    const label = browser === 'chrome' ? 'Google Chrome' : 'Microsoft Edge';
    return [
      payload(domain, `${label}: install Secondment Lens`, { ExtensionInstallForcelist: [`${id};${options.updateUrl}`] }),
      payload(`${domain}.extensions.${id}`, `${label}: Secondment Lens settings`, options.policy),
    ];
  });
  return plistXml({
    PayloadContent: payloads,
    PayloadDisplayName: 'Secondment Lens',
    PayloadDescription: 'Installs Secondment Lens in Google Chrome and Microsoft Edge with the firm’s endpoint and sign-in settings.',
    PayloadIdentifier: `org.secondmentlens.${id}`,
    PayloadType: 'Configuration',
    PayloadScope: 'System',
    PayloadUUID: stableUuid(`${id}:profile`),
    PayloadVersion: 1,
  });
}
