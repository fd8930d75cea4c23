import { expect, test } from '@playwright/test';
import { sidebar } from './support/browser';
import { signedInPerTest } from './support/signed-in';
import { openSidePanel, readSidePanel } from './support/side-panel';

// The same React app in Chrome's native side panel, following the record of the window's active tab.

const clio = (id: string) => `https://app.clio.com/nc/#/contacts/${id}`;

const session = signedInPerTest();

test('the side panel follows the active tab’s record: switching tabs and navigating inside one', async () => {
  const northwind = await session.browser.context.newPage();
  await northwind.goto(clio('1001'));
  await expect(sidebar(northwind).getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  const unknown = await session.browser.context.newPage();
  await unknown.goto(clio('1999'));
  await expect(sidebar(unknown).getByRole('heading', { level: 1, name: 'Not a client we know' })).toBeVisible();

  // Opened from an extension page in the same window: that tab (no record) is the active one.
  const opener = await openSidePanel(session.browser);
  await expect.poll(async () => (await readSidePanel(opener)).heading).toBe('No client record on this page');
  expect((await readSidePanel(opener)).text).toContain('did not recognise it');

  await northwind.bringToFront();
  await expect.poll(async () => (await readSidePanel(opener)).heading).toBe('Northwind Logistics plc');
  const shown = await readSidePanel(opener);
  expect(shown.text).toContain('Sam Okafor');
  expect(shown.text).toMatch(/Updated|Checking for updates/);
  expect(shown.collapsible).toBe(false); // the browser's panel is closed with the browser's own control

  await unknown.bringToFront();
  await expect.poll(async () => (await readSidePanel(opener)).heading).toBe('Not a client we know');

  // A single-page navigation inside the active tab: the panel follows it too.
  await unknown.evaluate(() => { location.hash = '#/contacts/1003'; });
  await expect.poll(async () => (await readSidePanel(opener)).heading).toBe('Which client is this?');

  await northwind.bringToFront();
  await expect.poll(async () => (await readSidePanel(opener)).heading).toBe('Northwind Logistics plc');
});

test('a need logged from the side panel reaches the endpoint for the active tab’s client', async () => {
  const northwind = await session.browser.context.newPage();
  await northwind.goto(clio('1001'));
  await expect(sidebar(northwind).getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  const opener = await openSidePanel(session.browser);
  await northwind.bringToFront();
  await expect.poll(async () => (await readSidePanel(opener)).heading).toBe('Northwind Logistics plc');
  const before = (await session.endpoint.store.countNeeds('c-northwind'));

  // Drive the panel's own form (React listens to real input and submit events).
  await opener.evaluate(() => {
    const chrome = (globalThis as unknown as { chrome: { extension: { getViews(): Window[] } } }).chrome;
    const panel = chrome.extension.getViews().find((v) => v.location.pathname === '/sidepanel.html')!;
    [...panel.document.querySelectorAll('button')].find((b) => b.textContent === 'Log a need')!.click();
  });
  await opener.waitForFunction(() => {
    const chrome = (globalThis as unknown as { chrome: { extension: { getViews(): Window[] } } }).chrome;
    const panel = chrome.extension.getViews().find((v) => v.location.pathname === '/sidepanel.html')!;
    return panel.document.getElementById('need-title') !== null;
  });
  await opener.evaluate(() => {
    const chrome = (globalThis as unknown as { chrome: { extension: { getViews(): Window[] } } }).chrome;
    const panel = chrome.extension.getViews().find((v) => v.location.pathname === '/sidepanel.html')! as Window & typeof globalThis;
    const setValue = (el: HTMLInputElement | HTMLSelectElement, value: string) => {
      // React tracks the value property: set it through the prototype's setter so the change is seen.
      const proto = el instanceof panel.HTMLSelectElement ? panel.HTMLSelectElement.prototype : panel.HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
      el.dispatchEvent(new panel.Event(el instanceof panel.HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
    };
    setValue(panel.document.getElementById('need-title') as HTMLInputElement, 'Logged from the side panel');
    setValue(panel.document.getElementById('need-area') as HTMLSelectElement, 'Employment');
    (panel.document.querySelector('form.need-form') as HTMLFormElement).requestSubmit();
  });
  await expect.poll(async () => (await session.endpoint.store.countNeeds('c-northwind'))).toBe(before + 1);
  expect((await session.endpoint.store.listNeeds('c-northwind')).some((n) => n.title === 'Logged from the side panel')).toBe(true);
  // The in-page frame on the same tab shows it too: both are views of one background state.
  await expect(sidebar(northwind).getByTestId('needs').locator('li', { hasText: 'Logged from the side panel' })).toHaveCount(1);
});
