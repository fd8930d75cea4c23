import { DEMO_RECORDS } from '../../../server/demo/demo-ids';
import type { BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../../scripts/chromium-with-extension';

const page = (name: string) => readFileSync(path.join(ROOT, 'server/demo/pages', name), 'utf8');

/** The demo pages at the real hosts they stand in for (Clio is routed by launchWithExtension already). */
export const PMS_PAGES = {
  salesforce: { host: 'acme.lightning.force.com', file: 'salesforce-lightning.html' },
  hubspot: { host: 'app.hubspot.com', file: 'hubspot-crm.html' },
  intranet: { host: 'intranet.firm.example', file: 'firm-intranet.html' },
} as const;

/**
 * Serves the demo single-page apps at their real URLs: every path of the host answers with the
 * app, which renders the route itself (as the real apps do). Requests never leave the machine.
 */
export async function routePmsPages(context: BrowserContext): Promise<void> {
  for (const { host, file } of Object.values(PMS_PAGES)) {
    const body = page(file);
    await context.route(`https://${host}/**`, (route) => route.fulfill({ contentType: 'text/html', body }));
  }
}

/** The demo firm's Salesforce account for Northwind (canonical 18-character id). */
export const NORTHWIND_SALESFORCE_ID = DEMO_RECORDS.northwindSalesforceAccount.externalId;
