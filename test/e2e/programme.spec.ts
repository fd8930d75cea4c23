import { expect, test } from '@playwright/test';
import { DEMO_TOKENS, DEMO_USERS, NORTHWIND_ACTIVE_OUTBOUND_ID, NORTHWIND_ID } from '../../server/demo/demo-ids';
import { launchWithExtension, sidebar, signIn } from './support/browser';
import { expectConfirmedByEndpoint } from './support/confirmed';
import { proxiedPerTest } from './support/proxied';
import { saveSidebarScreenshot } from './support/screenshots';

// From noticing to winning, in the sidebar: BD moves a need to won (offline, then online) and links
// the matter; the partner sees who moved it; the secondee keeps their placement's rhythm; a lawyer
// who may not read a confidential need sees that it exists and whom to ask, never its text.

const NORTHWIND_CONTACT = 'https://app.clio.com/nc/#/contacts/1001';
const session = proxiedPerTest();

test('BD moves a need to won while offline; it lands once online; the matter is linked; the partner sees both', async () => {
  const { endpoint, proxy, browser } = session;
  await signIn(browser, proxy.url, DEMO_TOKENS.bd);
  const target = (await endpoint.store.listNeeds(NORTHWIND_ID)).find((n) => n.status === 'qualified' || n.status === 'pursuing')!;
  const page = await browser.context.newPage();
  await page.goto(NORTHWIND_CONTACT);
  const lens = sidebar(page);
  const item = lens.locator(`[data-need-id="${target.id}"]`);
  await expect(item.getByTestId('need-triage')).toBeVisible();
  await expectConfirmedByEndpoint(lens); // seen online first

  proxy.set({ kind: 'drop' }); // the train goes into a tunnel
  await item.getByLabel(`Status of "${target.title}"`).selectOption('won');
  const waiting = lens.getByTestId('programme-outbox');
  await expect(waiting).toContainText(`Need: ${target.title}`);
  await expect(waiting).toContainText('Status: Won');
  expect((await endpoint.store.getNeed(target.id))?.status).toBe(target.status);

  proxy.set({ kind: 'pass' });
  await waiting.getByRole('button', { name: 'Try now' }).click();
  await expect.poll(async () => (await endpoint.store.getNeed(target.id))?.status, { timeout: 20_000 }).toBe('won');
  await page.reload();
  await lens.getByLabel('Show needs').selectOption('all');
  await item.getByLabel('Matter number it became').fill('5077');
  await item.getByRole('button', { name: 'Link matter' }).click();
  await expect.poll(async () => (await endpoint.store.getNeed(target.id))?.matter?.externalId, { timeout: 20_000 }).toBe('5077');
  expect((await endpoint.store.getNeed(target.id))).toMatchObject({ statusChangedBy: { name: DEMO_USERS.bd.name }, matter: { system: 'clio', kind: 'matter', tenant: 'app.clio.com' } });

  const partner = await launchWithExtension();
  try {
    await signIn(partner, endpoint.url, DEMO_TOKENS.partner);
    const partnerPage = await partner.context.newPage();
    await partnerPage.goto(NORTHWIND_CONTACT);
    const partnerLens = sidebar(partnerPage);
    await partnerLens.getByLabel('Show needs').selectOption('all');
    const seen = partnerLens.locator(`[data-need-id="${target.id}"]`);
    await expect(seen.getByTestId('need-triage-line')).toContainText(`Won by ${DEMO_USERS.bd.name}`);
    await expect(seen.getByTestId('need-triage-line')).toContainText('Matter 5077');
    await expect(seen.getByTestId('need-triage')).toHaveCount(0); // a lawyer reads, BD triages
  } finally {
    await partner.context.close();
  }
});

test('the secondee sees their placement first, marks an objective met and records a check-in; a confidential need of another lawyer shows no text', async () => {
  const { endpoint, browser } = session;
  const secret = (await endpoint.store.createNeed(NORTHWIND_ID, {
    title: 'Covert review of the CFO’s expense claims', detail: 'Learned in confidence from internal audit.',
    practiceArea: 'Employment', confidential: true, sourceSecondmentId: null,
  }, { id: DEMO_USERS.partner.id, name: DEMO_USERS.partner.name }));
  await signIn(browser, endpoint.url, DEMO_TOKENS.secondee);
  const page = await browser.context.newPage();
  await page.goto(NORTHWIND_CONTACT);
  const lens = sidebar(page);
  const mine = lens.getByTestId('my-placement');
  await expect(mine.getByRole('heading', { name: 'Your placement' })).toBeVisible();

  const placement = (await endpoint.store.getSecondment(NORTHWIND_ACTIVE_OUTBOUND_ID))!;
  const objective = placement.objectives.find((o) => o.status !== 'met')!;
  await mine.getByLabel(`Status of "${objective.description}"`).selectOption('met');
  await expect.poll(async () => (await endpoint.store.getSecondment(NORTHWIND_ACTIVE_OUTBOUND_ID))?.objectives.find((o) => o.id === objective.id)?.status, { timeout: 20_000 }).toBe('met');

  await mine.getByLabel('Note (optional)').fill('Monthly catch-up with the GC: the contract triage is mine now.');
  await mine.getByRole('button', { name: 'Record check-in' }).click();
  await expect(mine.getByText('Check-in recorded.')).toBeVisible();
  const today = new Date().toISOString().slice(0, 10);
  await expect.poll(async () => (await endpoint.store.getSecondment(NORTHWIND_ACTIVE_OUTBOUND_ID))?.checkIns.last, { timeout: 20_000 }).toBe(today);

  const redacted = lens.locator(`[data-need-id="${secret.id}"]`);
  await expect(redacted).toContainText('Learned in confidence — ask Business Development');
  await expect(lens.locator('body')).not.toContainText('Covert review');
  await expect(lens.locator('body')).not.toContainText('internal audit');
  await page.reload();
  await expect(mine).toBeVisible();
  await saveSidebarScreenshot(page, 'secondee-view', { readme: true });
});
