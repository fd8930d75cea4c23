/**
 * What of the extension a host page's own DOM holds: its frames (their address starts with
 * `scheme`, chrome-extension:// or moz-extension://; it is a per-session one, not the extension's
 * id), its marker, the room it makes. Runs in the page, for Playwright and puppeteer alike:
 * `page.evaluate(extensionTraceInPage, scheme)`.
 */
export function extensionTraceInPage(scheme: string): { frames: number; marked: number; margin: string } {
  return {
    frames: [...document.querySelectorAll('iframe')].filter((f) => f.src.startsWith(scheme)).length,
    marked: document.querySelectorAll('[data-secondment-lens]').length,
    margin: document.documentElement.style.getPropertyValue('margin-right'),
  };
}
