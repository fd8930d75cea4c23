import { expect, test } from '@playwright/test';
import { NORTHWIND_ID } from '../../server/demo/demo-ids';
import { sidebar } from './support/browser';
import { signedInPerTest } from './support/signed-in';
import { ageCachedClient } from './support/cache-age';
import { setUserSettings } from './support/worker';

// The firm's maximum age: cached context older than it is hidden, not shown as if current.

const session = signedInPerTest();


test('cached context older than the firm allows is hidden when the endpoint cannot confirm it', async () => {
  const page = await session.browser.context.newPage();
  await page.goto('https://app.clio.com/nc/#/contacts/1001');
  const lens = sidebar(page);
  await expect(lens.getByTestId('freshness')).toContainText('Updated');
  await setUserSettings(session.browser.worker, { maxCacheAgeHours: 24 });

  // 23 hours old: still within the limit, shown with its age while offline.
  await ageCachedClient(session.browser, page, NORTHWIND_ID, 23);
  await session.endpoint.close();
  await page.reload();
  await expect(lens.getByTestId('freshness')).toContainText('Offline');
  await expect(lens.getByTestId('active-secondees')).toContainText('Sam Okafor');

  // 25 hours old: past the limit, nothing of it is shown.
  await ageCachedClient(session.browser, page, NORTHWIND_ID, 25);
  await page.reload();
  await expect(lens.getByRole('heading', { name: 'Could not load this client' })).toBeVisible();
  await expect(lens.locator('body')).not.toContainText('Sam Okafor');
});
