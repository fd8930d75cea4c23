import { expect, test } from '@playwright/test';
import { NORTHWIND_ID } from '../../server/demo/demo-ids';
import { sidebar } from './support/browser';
import { signedInPerTest } from './support/signed-in';
import { hasFocus, tabTo } from './support/keyboard';

// Keyboard alone: Tab, Enter, Space, Escape and typing. No click, no fill, no selectOption.

const NORTHWIND_CONTACT = 'https://app.clio.com/nc/#/contacts/1001';

const session = signedInPerTest();

test('logs a need by keyboard alone, from the host page to the endpoint', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(NORTHWIND_CONTACT);
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  const before = (await session.endpoint.store.countNeeds(NORTHWIND_ID));
  const logNeed = lens.getByRole('button', { name: 'Log a need', exact: true });

  // From the record page, Tab walks into the sidebar and on to "Log a need".
  await tabTo(page, logNeed);
  await page.keyboard.press('Enter');
  const title = lens.getByLabel('Need', { exact: true });
  await expect(title).toBeFocused(); // focus lands on the title when the form opens

  // Enter with no title: refused next to the field, focus stays on it.
  await page.keyboard.press('Enter');
  await expect(lens.getByText('Give the need a title.')).toBeVisible();
  await expect(title).toBeFocused();

  await page.keyboard.type('Customs advice for the Rotterdam depot');
  await page.keyboard.press('Tab');
  await expect(lens.getByLabel('Practice area')).toBeFocused();
  await page.keyboard.press('ArrowDown'); // a closed select steps through its options with the arrows
  await expect(lens.getByLabel('Practice area')).not.toHaveValue('');
  const area = await lens.getByLabel('Practice area').inputValue();
  await page.keyboard.press('Tab');
  await expect(lens.getByLabel(/^Detail/)).toBeFocused();
  await page.keyboard.type('Import duties on the new route; the GC mentioned it in passing.');
  await page.keyboard.press('Tab');
  await expect(lens.getByLabel('Noticed during')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(lens.getByLabel('Learned in confidence')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(lens.getByLabel('Learned in confidence')).toBeChecked();
  await page.keyboard.press('Enter'); // Enter submits from any field of the form

  // Logged: the form closes, focus is back on "Log a need", the need is listed and stored.
  await expect(lens.getByRole('form', { name: 'Log a need', exact: true })).toHaveCount(0);
  await expect(logNeed).toBeFocused();
  await expect(lens.getByTestId('needs').locator('li', { hasText: 'Customs advice for the Rotterdam depot' })).toHaveCount(1);
  await expect.poll(async () => (await session.endpoint.store.countNeeds(NORTHWIND_ID))).toBe(before + 1);
  const stored = (await session.endpoint.store.listNeeds(NORTHWIND_ID)).find((n) => n.title === 'Customs advice for the Rotterdam depot');
  expect(stored).toMatchObject({ practiceArea: area, confidential: true, detail: 'Import duties on the new route; the GC mentioned it in passing.' });
});

test('Escape cancels the need form and returns focus to "Log a need", nothing sent', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(NORTHWIND_CONTACT);
  const lens = sidebar(page);
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  const before = (await session.endpoint.store.countNeeds(NORTHWIND_ID));
  await tabTo(page, lens.getByRole('button', { name: 'Log a need', exact: true }));
  await page.keyboard.press('Enter');
  await page.keyboard.type('Half a thought');
  await page.keyboard.press('Escape');
  await expect(lens.getByRole('form', { name: 'Log a need', exact: true })).toHaveCount(0);
  await expect(lens.getByRole('button', { name: 'Log a need', exact: true })).toBeFocused();
  expect((await session.endpoint.store.countNeeds(NORTHWIND_ID))).toBe(before);
});

test('collapses and expands by keyboard, focus following the button that replaces it', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(NORTHWIND_CONTACT);
  const lens = sidebar(page);
  const frame = page.locator('iframe[data-secondment-lens]');
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  const wide = (await frame.boundingBox())!.width;

  await tabTo(page, lens.getByRole('button', { name: 'Collapse the sidebar' }));
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await frame.boundingBox())!.width).toBeLessThan(wide / 4);
  const expand = lens.getByRole('button', { name: 'Open Secondment Lens' });
  await expect.poll(() => hasFocus(expand)).toBe(true); // the tab that reopens it has focus

  await page.keyboard.press('Enter');
  await expect.poll(async () => (await frame.boundingBox())!.width).toBe(wide);
  await expect.poll(() => hasFocus(lens.getByRole('button', { name: 'Collapse the sidebar' }))).toBe(true);
  // The host page keeps its room beside the sidebar.
  expect(await page.evaluate(() => document.documentElement.style.marginRight)).toBe(`${wide}px`);
});
