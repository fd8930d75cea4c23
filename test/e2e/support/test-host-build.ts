import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { type ExtensionBrowser, launchWithExtension, ROOT } from '../../../scripts/chromium-with-extension';

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

/** Chromium with the extension built in `extensionDir` (the shared launch, another folder). */
export function launchExtensionFrom(extensionDir: string): Promise<ExtensionBrowser> {
  return launchWithExtension({ extensionDir });
}
