import { type BrowserContext, chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { type ExtensionBrowser, ROOT, routeDemoPages } from '../../../scripts/chromium-with-extension';

/**
 * A build of the extension that is granted `hosts` up front (LENS_TEST_HOSTS, see wxt.config.ts),
 * in its own folder beside the caller's build (`<LENS_OUT_DIR>-testhosts`). Why: adding a generic
 * rule asks for its host at run time, and headless Chromium cannot answer the permission dialog
 * (E2E.md "Optional host permissions"). With the host granted, `permissions.request` resolves at
 * once, and everything else the test drives is the shipped path: the options page, the background's
 * validation, the run-time registration of the content script, detection with the rule.
 */
export function buildWithTestHosts(hosts: string[]): string {
  const outDir = `${process.env.LENS_OUT_DIR ?? '.output'}-testhosts`;
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    env: { ...process.env, LENS_OUT_DIR: outDir, LENS_TEST_HOSTS: hosts.join(',') },
    stdio: 'pipe',
  });
  return path.join(ROOT, outDir, 'chrome-mv3');
}

/**
 * Chromium with the extension in `extensionDir`: the same launch as launchWithExtension
 * (scripts/chromium-with-extension.ts), which always loads the default build folder.
 */
export async function launchExtensionFrom(extensionDir: string): Promise<ExtensionBrowser> {
  const context: BrowserContext = await chromium.launchPersistentContext('', {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await routeDemoPages(context);
  return { context, worker, extensionId: new URL(worker.url()).host };
}
