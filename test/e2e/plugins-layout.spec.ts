import { expect, type Page, test } from '@playwright/test';
import { DEMO_TOKENS } from '../../server/demo/demo-ids';
import { sidebar } from './support/browser';
import { signedInPerTest } from './support/signed-in';
import { NORTHWIND_SALESFORCE_ID, routePmsPages } from './support/pms-pages';

// Collapsing the sidebar is remembered per practice-management system: collapsed on Clio stays
// collapsed on Clio (after a reload too), and does not collapse it on Salesforce.

const session = signedInPerTest(DEMO_TOKENS.partner, (b) => routePmsPages(b.context));

const frameWidth = (page: Page) => page.locator('iframe[data-secondment-lens]').evaluate((f) => f.getBoundingClientRect().width);
const pageMargin = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).marginRight);
/** From the page's start on: every style attribute the frame has had (MutationObserver's old values). */
const recordFrameStyles = (page: Page) => page.addInitScript(() => {
  const styles: string[] = [];
  Object.assign(window, { lensFrameStyles: styles });
  new MutationObserver((records) => {
    for (const r of records) if (r.target instanceof HTMLIFrameElement && r.oldValue) styles.push(r.oldValue);
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['style'], attributeOldValue: true });
});
/** The widths the frame has been shown at, up to now (old values and the current one). */
const shownWidths = (page: Page) => page.evaluate(() => {
  const all = [...(window as unknown as { lensFrameStyles: string[] }).lensFrameStyles, document.querySelector('iframe[data-secondment-lens]')?.getAttribute('style') ?? ''];
  return [...new Set(all.filter((style) => /display:\s*block/.test(style)).map((style) => /width:\s*(\d+)px/.exec(style)?.[1]))];
});

test('remembers a collapsed sidebar per system', async () => {
  const clio = await session.browser.context.newPage();
  await clio.goto('https://app.clio.com/nc/#/contacts/1001');
  const lens = sidebar(clio);
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  expect(await frameWidth(clio)).toBe(380);

  await lens.getByRole('button', { name: 'Collapse the sidebar' }).click();
  await expect(lens.getByRole('button', { name: 'Open Secondment Lens' })).toBeVisible();
  expect(await frameWidth(clio)).toBe(44);
  expect(await pageMargin(clio)).toBe('44px'); // the page gets its room back

  await recordFrameStyles(clio);
  await clio.reload();
  await expect(lens.getByRole('button', { name: 'Open Secondment Lens' })).toBeVisible();
  expect(await frameWidth(clio)).toBe(44);
  expect(await shownWidths(clio)).toEqual(['44']); // never drawn open first, then collapsed

  const salesforce = await session.browser.context.newPage();
  await salesforce.goto(`https://acme.lightning.force.com/lightning/r/Account/${NORTHWIND_SALESFORCE_ID}/view`);
  await expect(sidebar(salesforce).getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  expect(await frameWidth(salesforce)).toBe(380);

  // Opening it again on Clio is remembered as well.
  await lens.getByRole('button', { name: 'Open Secondment Lens' }).click();
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  await clio.reload();
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  expect(await frameWidth(clio)).toBe(380);
});
