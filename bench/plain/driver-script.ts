/**
 * The host page's own driver, served as /__bench/driver.js beside the demo Clio page (plain text:
 * it runs in the page, not in Node). Once the page has loaded it reports its navigation timing,
 * then asks the bench server what to do next (a long poll) and does it: change the hash, or open
 * the next URL in a fresh tab and close this one. Nothing here talks to the extension.
 *
 * Each report waits REPORT_DELAY_MS: the page's own request to the bench server (the network service,
 * the server's Node process) would otherwise run in the very milliseconds the figures measure, the
 * sidebar's paint after the load and after a hash change, on the machine's two cores. The times it
 * reports are taken when things happen, not when they are sent.
 */
export const REPORT_DELAY_MS = 250;

export const DRIVER_SCRIPT = `(() => {
  const session = new URLSearchParams(location.search).get('lensBench');
  if (!session) return;
  const later = () => new Promise((resolve) => setTimeout(resolve, ${REPORT_DELAY_MS}));
  const post = (event) => fetch('/__bench/host', { method: 'POST', body: JSON.stringify({ session, ...event }) });
  async function poll() {
    for (;;) {
      const command = await (await fetch('/__bench/next?session=' + encodeURIComponent(session))).json();
      if (command.action === 'hash') {
        const at = performance.timeOrigin + performance.now();
        location.hash = command.hash;
        await later();
        await post({ kind: 'hash', at, hash: command.hash });
      } else if (command.action === 'open') {
        window.open(command.url, '_blank', 'noopener');
        window.close();
        return;
      } else return;
    }
  }
  addEventListener('load', () => setTimeout(async () => {
    const nav = performance.getEntriesByType('navigation')[0];
    await later();
    await post({ kind: 'load', href: location.href, timeOrigin: performance.timeOrigin, loadEventStart: nav.loadEventStart, loadEventEnd: nav.loadEventEnd });
    poll();
  }, 0));
})();`;
