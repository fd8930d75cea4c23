import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import type { Change } from '../../lib/contract/changes';
import type { Need } from '../../lib/contract/need';
import { DEMO_TOKENS } from '../../server/demo/demo-ids';
import { axeViolations } from './support/axe';
import { type ExtensionBrowser, launchWithExtension, sidebar, signIn } from './support/browser';
import { startEndpoint } from './support/endpoint';
import { tabTo } from './support/keyboard';
import { SCREENSHOTS } from './support/paths';
import { publishScreenshot } from './support/screenshots';
import { sendFromOptions } from './support/worker';

// The pipeline page (issue 11) in Chromium: the demo BD user's synced book, read from IndexedDB by
// the page itself, with the endpoint gone (offline); filters by keyboard; a CSV export caught as a
// real download and checked against the endpoint's own feed; axe in light and dark.

let endpoint: Awaited<ReturnType<typeof startEndpoint>> | null;
let browser: ExtensionBrowser;

test.afterEach(async () => {
  await browser?.context.close();
  await endpoint?.close();
  endpoint = null;
});

/** Signs in as BD and waits until the whole book is synced. */
async function bdWithSyncedBook() {
  endpoint = await startEndpoint();
  browser = await launchWithExtension();
  await signIn(browser, endpoint.url, DEMO_TOKENS.bd);
  await expect.poll(async () => (await sendFromOptions<{ value: { sync: { state: string } } }>(browser, { type: 'options.syncNow' })).value.sync.state,
    { timeout: 60_000 }).toBe('done');
}

/** Every need BD may see, straight from the endpoint's feed over HTTP (not through the extension). */
async function needsFromFeed(url: string): Promise<Need[]> {
  const needs = new Map<string, Need>();
  let since = '0';
  for (let page = 0; page < 50; page++) {
    const res = await fetch(`${url}/v1/changes?since=${encodeURIComponent(since)}`, { headers: { authorization: `Bearer ${DEMO_TOKENS.bd}` } });
    const body = (await res.json()) as { changes: Change[]; nextCursor: string; hasMore: boolean };
    for (const c of body.changes) if (c.type === 'need.upsert') needs.set(c.need.id, c.need);
    since = body.nextCursor;
    if (!body.hasMore) break;
  }
  return [...needs.values()];
}

/** A CSV parser written apart from the page's writer: quoted cells, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  return rows;
}

async function openPipeline(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/pipeline.html`);
  return page;
}

const board = (page: Page) => page.getByRole('region', { name: 'Needs by status' });
const column = (page: Page, status: string) => board(page).getByRole('region', { name: new RegExp(`^${status} `) });

test('shows the synced book offline, filters by keyboard, exports the filtered needs as CSV', async () => {
  test.setTimeout(180_000); // two cores shared by several browsers: sign-in and sync alone can take a minute
  await bdWithSyncedBook();
  const expected = await needsFromFeed(endpoint!.url);
  expect(expected.length).toBeGreaterThan(20);
  await endpoint!.close(); // from here on the endpoint is gone: the page reads the cache only
  endpoint = null;

  const page = await openPipeline();
  await expect(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Showing all' })).toHaveText(`Showing all ${expected.length} needs`);
  for (const [status, label] of [['new', 'New'], ['qualified', 'Qualified'], ['pursuing', 'Pursuing'], ['won', 'Won'], ['declined', 'Declined']] as const) {
    const n = expected.filter((x) => x.status === status).length;
    await expect(column(page, label).getByRole('heading', { level: 3 })).toHaveText(`${label} ${n} ${n === 1 ? 'need' : 'needs'}`);
  }
  await expect(page.getByRole('list', { name: 'Candidate clients by priority' })).toContainText('Northwind Logistics plc');
  await expect(page.getByRole('list', { name: 'Candidate clients by priority' })).toContainText('flagged by Priya Shah');
  await expect(page.getByRole('list', { name: 'Each client’s relationship in one line' })).toContainText('Northwind Logistics plc');
  await expect(page.getByRole('img', { name: 'Noticed vs won, last 12 months' })).toBeVisible();

  // Screenshot of the whole book, for the README.
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'pipeline.png'), fullPage: true, animations: 'disabled' });
  publishScreenshot(path.join(SCREENSHOTS, 'pipeline.png'), 'pipeline');

  // Arrow keys on the board: Tab lands on the first card of the first column; the arrows move
  // between cards and columns; each column is one tab stop.
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-pos') ?? null);
  await tabTo(page, board(page).locator('[data-pos="0:0"]'));
  await page.keyboard.press('ArrowDown');
  expect(await focused()).toBe('0:1');
  await page.keyboard.press('ArrowRight');
  expect(await focused()).toBe('1:1');
  await page.keyboard.press('ArrowUp');
  expect(await focused()).toBe('1:0');
  const qualified = expected.filter((n) => n.status === 'qualified').length;
  await page.keyboard.press('End'); // far down a virtualised column: the card is rendered and focused
  expect(await focused()).toBe(`1:${qualified - 1}`);
  await expect(page.locator(':focus')).toBeInViewport();
  await page.keyboard.press('Tab'); // on to the next column's current card
  expect(await focused()).toBe('2:0');

  // Filters by keyboard: on the practice area, the arrow picks the first area; Tab on to the client; type.
  const areaSelect = page.getByLabel('Practice area', { exact: true });
  await areaSelect.focus();
  await page.keyboard.press('ArrowDown');
  const area = await areaSelect.inputValue();
  expect(area).not.toBe('*');
  await tabTo(page, page.getByLabel('Client', { exact: true }));
  await page.keyboard.type('north');
  const matching = expected.filter((n) => n.practiceArea === area && n.clientId === 'c-northwind');
  expect(matching.length).toBeGreaterThan(0);
  const others = expected.filter((n) => n.practiceArea === area && n.clientId !== 'c-northwind');
  expect(others.length).toBeGreaterThan(0); // the client filter really narrowed something
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText(`Showing ${matching.length} of ${expected.length} needs`);

  // Export: a real download, whose rows are the filtered needs, no more and no fewer.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export view as CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^pipeline-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = parseCsv(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''));
  expect(csv[0]).toEqual(['Status', 'Client', 'Need', 'Practice area', 'Owner', 'Noticed by', 'Noticed on', 'Age (days)', 'Confidential', 'Matter']);
  const rows = csv.slice(1);
  expect(rows).toHaveLength(matching.length);
  expect(new Set(rows.map((r) => r[3]))).toEqual(new Set([area]));
  expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['Northwind Logistics plc']));
  const titleOf = (n: Need) => (n.redacted ? `Confidential — ask ${n.askContact?.name ?? 'business development'}` : n.title);
  expect(rows.map((r) => r[2]).sort()).toEqual(matching.map(titleOf).sort());
});

test('axe finds nothing on the pipeline page, light and dark', async () => {
  await bdWithSyncedBook();
  const page = await openPipeline();
  await expect(page.getByRole('status').filter({ hasText: 'Showing all' })).toBeVisible();
  await page.getByText('Show as a table').click(); // the chart's table too
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect.poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    expect(await axeViolations(page), scheme).toEqual([]);
    if (scheme === 'dark') await page.screenshot({ path: path.join(SCREENSHOTS, 'pipeline-dark.png'), animations: 'disabled' });
  }
});

test('opens from the sidebar and from the options page; the toolbar button’s menu has the item', async () => {
  await bdWithSyncedBook();
  // Headless Chromium cannot open the toolbar button's menu; `update` of an item that does not exist
  // rejects, so this proves the item is registered for the button (its click handler is not driven).
  const menuItem = (id: string) => browser.worker.evaluate(async (itemId) => {
    const api = (globalThis as unknown as { chrome: { contextMenus: { update(id: string, p: object): Promise<void> } } }).chrome;
    return api.contextMenus.update(itemId, { contexts: ['action'] }).then(() => 'registered', () => 'missing');
  }, id);
  expect(await menuItem('lens.open-pipeline')).toBe('registered');
  expect(await menuItem('no-such-item')).toBe('missing'); // the probe itself tells the two apart
  const record = await browser.context.newPage();
  await record.goto('https://app.clio.com/nc/#/contacts/1001');
  const lens = sidebar(record);
  await expect(lens.getByRole('heading', { level: 1, name: 'Northwind Logistics plc' })).toBeVisible();
  const fromSidebar = browser.context.waitForEvent('page');
  await lens.getByRole('button', { name: /Open the pipeline/ }).click();
  const opened = await fromSidebar;
  await expect(opened).toHaveURL(`chrome-extension://${browser.extensionId}/pipeline.html`);
  await expect(opened.getByRole('status').filter({ hasText: 'Showing all' })).toBeVisible();

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const fromOptions = browser.context.waitForEvent('page');
  await options.getByRole('link', { name: 'Open the pipeline' }).click();
  const second = await fromOptions;
  await expect(second).toHaveURL(`chrome-extension://${browser.extensionId}/pipeline.html`);
  await expect(second.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
});
