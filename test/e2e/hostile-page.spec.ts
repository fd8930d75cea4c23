import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DEMO_TOKENS, DEMO_USERS, NORTHWIND_ID } from '../../server/demo/demo-ids';
import { CLIO_DEMO_PAGE } from '../../scripts/chromium-with-extension';
import { sidebar, signIn } from './support/browser';
import { expectConfirmedByEndpoint } from './support/confirmed';
import { proxiedPerTest } from './support/proxied';

// The host page is untrusted. This one is hostile: it reads its own DOM and every open shadow root,
// forges back/forward-cache events, messages and clicks, swaps its URL between mousedown and click,
// and styles the sidebar frame see-through. It must get no data, no write and no mapping.

const HOSTILE_SCRIPT = `<script>
  window.__seen = [];
  const collect = () => {
    const texts = [document.documentElement.outerHTML];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) texts.push(el.shadowRoot.innerHTML);
    for (const frame of document.querySelectorAll('iframe')) {
      try { texts.push(frame.contentDocument ? frame.contentDocument.documentElement.outerHTML : 'frame document: none'); } catch (e) { texts.push('blocked: ' + e.name); }
    }
    window.__seen.push(texts.join('\\n'));
  };
  setInterval(collect, 100);
  window.__forge = () => {
    // As if the page were left and restored from the back/forward cache, again and again.
    let left = 20;
    const timer = setInterval(() => {
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      if (--left === 0) clearInterval(timer);
    }, 50);
    const frame = document.querySelector('iframe[data-secondment-lens]');
    frame.contentWindow.postMessage({ type: 'ui.linkRecord', clientId: 'c-meridian' }, '*');
    frame.contentWindow.postMessage({ type: 'ui.clearFlag', clientId: 'c-northwind' }, '*');
    frame.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    frame.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
  };
  // The moment the user presses inside the frame (the page sees its window lose focus), swap the record.
  window.addEventListener('blur', () => { if (window.__swapTo) history.pushState(null, '', '#/contacts/' + window.__swapTo); });
  window.__seeThrough = (on) => {
    let style = document.getElementById('hostile-style');
    if (!style) { style = document.createElement('style'); style.id = 'hostile-style'; document.head.append(style); }
    style.textContent = on ? 'iframe[data-secondment-lens] { opacity: 0.03 !important; }' : '';
  };
  // A decoy laid over the sidebar that takes the user's clicks.
  window.__cover = (on) => {
    document.getElementById('hostile-cover')?.remove();
    if (!on) return;
    const cover = document.createElement('div');
    cover.id = 'hostile-cover';
    cover.style.cssText = 'position:fixed;top:0;right:0;width:380px;height:100vh;z-index:2147483647;background:rgba(255,255,255,.01)';
    document.documentElement.append(cover);
  };
</script>`;

const hostileClio = readFileSync(CLIO_DEMO_PAGE, 'utf8').replace('</head>', `${HOSTILE_SCRIPT}</head>`);
const LOOKUPS = /^GET \/v1\/(resolve|clients\/[^/]+\/context)/;

// The last route registered wins: Clio is this hostile page from here on.
const session = proxiedPerTest((b) => b.context.route('https://app.clio.com/**', (route) => route.fulfill({ contentType: 'text/html', body: hostileClio })));

async function open(token: string, hash: string) {
  const { browser, proxy } = session;
  await signIn(browser, proxy.url, token);
  const page = await browser.context.newPage();
  await page.goto(`https://app.clio.com/nc/#/${hash}`);
  return { page, lens: sidebar(page) };
}

test('reads its DOM and shadow roots, forges pageshow, postMessage and clicks: no data, no extra look-ups, no write', async () => {
  const { endpoint, proxy } = session;
  const { page, lens } = await open(DEMO_TOKENS.bd, 'contacts/1001');
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  await expect(lens.getByText('Sam Okafor').first()).toBeVisible(); // data the endpoint sent is on screen…
  await expectConfirmedByEndpoint(lens); // the look-up's own requests are in before the count
  const lookups = proxy.requests(LOOKUPS).length;

  await page.evaluate(() => (window as unknown as { __forge(): void }).__forge());
  await page.waitForTimeout(2_500);
  expect(proxy.requests(LOOKUPS).length).toBe(lookups); // forged bfcache restores drive no look-ups
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible(); // nor blank it
  expect(proxy.requests(/^(PUT|POST|DELETE) /)).toEqual([]);
  expect((await endpoint.store.getFlag(NORTHWIND_ID))).not.toBeNull();

  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen.join('\n'));
  expect(seen.length).toBeGreaterThan(1000);
  // …but none of it reached the page: not the secondee, not the flag's reason, not the frame's document.
  expect(seen).not.toContain('Sam Okafor');
  expect(seen).not.toContain((await endpoint.store.getFlag(NORTHWIND_ID))!.reason);
  expect(seen).not.toContain('Active secondees');
  expect(seen).toContain('frame document: none'); // the frame is another origin: its document is not the page's
});

test('swaps its URL between mousedown and click on "Link": no mapping of its choosing', async () => {
  const { endpoint } = session;
  const mapped = async (externalId: string) => (await endpoint.store.resolve(DEMO_USERS.partner.id, { system: 'clio', kind: 'contact', externalId, tenant: 'app.clio.com' }));
  // Released at once (the page's report reaches the background before the click does), and after
  // a pause (the sidebar already shows the page's record under the pointer).
  for (const [holdMs, from, swapTo] of [[0, '1999', '1998'], [400, '1996', '1997']] as const) {
    const { page, lens } = await open(DEMO_TOKENS.partner, `contacts/${from}`);
    await expect(lens.getByRole('heading', { level: 1, name: 'Not a client we know' })).toBeVisible();
    await lens.getByLabel('Search the firm’s clients').fill('Meridian');
    await lens.getByRole('button', { name: 'Search' }).click();
    const link = lens.getByRole('button', { name: 'Link to Meridian Retail Group' });
    await expect(link).toBeVisible();
    await page.evaluate((to) => { (window as unknown as { __swapTo: string }).__swapTo = to; }, swapTo);
    await page.locator('body').click({ position: { x: 10, y: 10 } }); // focus back in the page, so the press blurs it
    await link.hover();
    await page.mouse.down();
    if (holdMs) await page.waitForTimeout(holdMs);
    await page.mouse.up();
    await page.waitForTimeout(1_000);
    expect(page.url()).toContain(`contacts/${swapTo}`); // the page did swap
    expect(await mapped(swapTo)).toEqual([]);
    // Released at once, the record the user saw may be linked (that is what they clicked); after
    // the pause the view had changed under the pointer: nothing is done at all.
    if (holdMs) expect(await mapped(from)).toEqual([]);
    await page.close();
  }
});

test('styles the frame see-through: "Clear flag" does nothing until the frame is shown plainly', async () => {
  const { endpoint, proxy } = session;
  const { page, lens } = await open(DEMO_TOKENS.bd, 'contacts/1001');
  await expect(lens.getByTestId('flag-summary')).toBeVisible();
  await page.evaluate(() => (window as unknown as { __seeThrough(on: boolean): void }).__seeThrough(true));
  await expect(lens.getByTestId('covered-notice')).toBeVisible();
  await lens.getByRole('button', { name: 'Clear flag' }).click();
  await lens.getByRole('button', { name: 'Yes, clear it' }).click();
  await page.waitForTimeout(1_000);
  expect(proxy.requests(/^DELETE /)).toEqual([]);
  expect((await endpoint.store.getFlag(NORTHWIND_ID))).not.toBeNull();

  // Shown plainly again, the same clicks clear it: the refusal above was the see-through frame.
  await page.evaluate(() => (window as unknown as { __seeThrough(on: boolean): void }).__seeThrough(false));
  await expect(lens.getByTestId('covered-notice')).toHaveCount(0);
  await lens.getByRole('button', { name: 'Clear flag' }).click();
  await lens.getByRole('button', { name: 'Yes, clear it' }).click();
  await expect.poll(async () => (await endpoint.store.getFlag(NORTHWIND_ID))).toBeNull();
});

test('the background checks too: a write sent from a see-through or covered frame is refused (browsers without IntersectionObserver v2)', async () => {
  const { endpoint, proxy } = session;
  const { page, lens } = await open(DEMO_TOKENS.bd, 'contacts/1001');
  await expect(lens.getByTestId('flag-summary')).toBeVisible();
  const frame = page.frames().find((f) => f.url().includes('/sidebar.html'))!;
  // Straight from the frame to the background, past the sidebar's own gate (as in Firefox, where
  // the gate cannot see the frame's visibility): only the background's check stands.
  const seenVersion = (await endpoint.store.getFlag(NORTHWIND_ID))!.version ?? null;
  const clearFlag = () => frame.evaluate(({ record, clientId, seenVersion }) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'ui.clearFlag', record, clientId, seenVersion }), {
    record: { system: 'clio', kind: 'contact', externalId: '1001', tenant: 'app.clio.com' }, clientId: NORTHWIND_ID, seenVersion,
  });
  const hostile = (name: '__seeThrough' | '__cover', on: boolean) => page.evaluate(([n, o]) => (window as unknown as Record<string, (on: boolean) => void>)[n]!(o), [name, on] as const);

  await hostile('__seeThrough', true);
  expect(await clearFlag()).toMatchObject({ ok: false, error: { code: 'covered' } });
  await hostile('__seeThrough', false);
  await hostile('__cover', true);
  expect(await clearFlag()).toMatchObject({ ok: false, error: { code: 'covered' } });
  await page.waitForTimeout(500);
  expect(proxy.requests(/^DELETE /)).toEqual([]);
  expect(await endpoint.store.getFlag(NORTHWIND_ID)).not.toBeNull();

  await hostile('__cover', false); // shown plainly: the same message goes through
  expect(await clearFlag()).toMatchObject({ ok: true });
  await expect.poll(() => endpoint.store.getFlag(NORTHWIND_ID)).toBeNull();
});
