import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { z } from 'zod';
import type { Result } from '../messaging/result';
import { saveUserSettings } from '../settings/load-settings';
import { readSession } from '../settings/session-store';
import { SIDEBAR_PLACEMENTS } from '../settings/sidebar-placement';

const BenchConfig = z.object({ endpointUrl: z.url(), token: z.string().min(1), sidebarPlacement: z.enum(SIDEBAR_PLACEMENTS).optional() });

/**
 * Bench builds only (called behind `import.meta.env.LENS_BENCH_REPORT_URL`): the plain-Chromium
 * harness has no DevTools to fill the options form, so the worker asks the bench's collector for
 * the endpoint and token (and, for one of its browsers, the sidebar's placement) and signs in through
 * the options page's own message, once per profile.
 */
export async function benchSignIn(reportUrl: string, route: (message: unknown, sender: Runtime.MessageSender) => Promise<Result<unknown>>): Promise<void> {
  if (await readSession()) return; // a restarted worker keeps its session
  const { sidebarPlacement, ...config } = BenchConfig.parse(await (await fetch(new URL('/__bench/config', reportUrl))).json());
  const extensionPage = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  await route({ type: 'options.signIn', ...config }, extensionPage);
  // Then the user's own choice, saved as the options page saves it (the background then registers no content script, and injects it once each page has loaded).
  if (sidebarPlacement) await saveUserSettings({ sidebarPlacement });
}
