import { browser } from 'wxt/browser';

/**
 * Asks for host access to `originPattern` (e.g. `https://lens.firm.example/*`). Call it straight from
 * a click: the prompt needs the user's gesture, so nothing is awaited before the request (Firefox
 * drops the gesture across an await). Resolves at once when access is already granted; an origin
 * granted by the manifest (loopback) is not requestable, so a refusal is checked against it.
 */
export function requestOrigin(originPattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern] }).then(
    (granted) => granted || browser.permissions.contains({ origins: [originPattern] }),
    () => browser.permissions.contains({ origins: [originPattern] }).catch(() => false),
  );
}
