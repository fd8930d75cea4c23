import { createRequire } from 'node:module';
import type { InlineConfig } from 'vite';
import { defineConfig } from 'wxt';
import { TEST_EXTENSION_KEY } from './scripts/test-extension-key';
import { CONTENT_SCRIPT_MATCHES } from './lib/adapters';

// See README "Architecture". Host permissions: the PMS hosts the content script runs on are
// declared; the firm endpoint's origin is requested at run time (optional, https only), never all
// hosts. Plain http is granted only to this computer's loopback, and only outside release builds
// (LENS_RELEASE=1, `npm run build:release`): the reference endpoint of `npm start` and the tests.
const RELEASE = process.env.LENS_RELEASE === '1';
// Bench builds only (bench/plain/): the extension reports its own timings to this loopback
// collector and signs in as it says. '' everywhere else, so that code is dropped from the bundle.
const BENCH_REPORT_URL = process.env.LENS_BENCH_REPORT_URL ?? '';
if (BENCH_REPORT_URL && RELEASE) throw new Error('LENS_BENCH_REPORT_URL is for bench builds, never a release build.');
export default defineConfig({
  // LENS_OUT_DIR lets two builds (e.g. parallel test runs) live side by side; default .output.
  outDir: process.env.LENS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  vite: () => ({ define: { 'import.meta.env.LENS_BENCH_REPORT_URL': JSON.stringify(BENCH_REPORT_URL) } }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((e) => e.type === 'content-script')) useNativeBrowserApi(config);
    },
  },
  // `wxt zip -b firefox` also packs the sources for Mozilla's review; leave out what is local output
  // (WXT already leaves out node_modules, dotfiles, tests and .output).
  zip: { excludeSources: ['data/**', 'test-results/**', 'playwright-report/**', 'coverage/**', '**/*.log'] },
  manifest: ({ browser }) => ({
    name: 'Secondment Lens',
    description: "Your firm's secondment relationship with the client on screen, beside the CRM record.",
    // scripting: the manifest declares no content script; the background registers it at run time
    // (the frame placement) or injects it once a page has loaded (the side panel), lib/background/.
    // contextMenus: "Open the pipeline" in the toolbar button's menu (no install warning).
    // notifications: the opt-in reminders (check-in due, placement ending).
    // identity: "Sign in with <firm>" (launchWebAuthFlow with the firm's identity provider; no install warning).
    permissions: ['storage', 'alarms', 'scripting', 'contextMenus', 'notifications', 'identity'],
    // Test builds for Chrome carry a fixed key, so their id (and OAuth redirect URI) is known in
    // advance. Never a release build: the store gives the release its own id (and refuses a
    // package with a key), and a firm signing its own package gets the id of its own key.
    ...(browser !== 'firefox' && !RELEASE ? { key: TEST_EXTENSION_KEY } : {}),
    action: { default_title: 'Secondment Lens' },
    commands: {
      'toggle-sidebar': { suggested_key: { default: 'Alt+Shift+L' }, description: 'Show or hide the Secondment Lens sidebar' },
    },
    // The PMS hosts: Chrome registers or injects a content script at run time only where a host
    // permission is granted, and gives the background a tab's address (tabs.onUpdated, to inject
    // once a page has loaded) only for those hosts. Remove them and no CRM page gets the sidebar.
    // The background requests nothing from them: its only requests go to the firm endpoint.
    host_permissions: [...CONTENT_SCRIPT_MATCHES, ...(RELEASE ? [] : ['http://127.0.0.1/*', 'http://localhost/*']), ...testHostPermissions()],
    optional_host_permissions: ['https://*/*'],
    // Only the sidebar page may be framed, and only by https pages: any https host, because the
    // firm's generic rules add hosts at run time and web_accessible_resources cannot change then.
    // Its scripts and styles load from the extension's own origin and need no entry here.
    // use_dynamic_url: the frame's URL changes per session, so a page cannot probe for it in advance
    // (the host page can still see and restyle the frame element; it cannot read what it shows).
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: ['https://*/*'], use_dynamic_url: true }],
    // Policy keys firm IT may set (Chrome/Edge); Firefox reads policy without a schema.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'secondment-lens@example.org', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
});

/**
 * LENS_TEST_HOSTS=host1,host2 — test builds only. Adding a generic rule asks for its host at run
 * time, and headless Chromium cannot answer that permission dialog (see E2E.md "Optional host
 * permissions"). The end-to-end test of a generic rule therefore builds, into its own folder, an
 * extension that is granted its test host up front; everything else (the options page's request,
 * which then resolves at once, the run-time registration of the content script) is the real path.
 * Release builds never set it.
 */
function testHostPermissions(): string[] {
  const hosts = (process.env.LENS_TEST_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  if (hosts.length > 0 && RELEASE) throw new Error('LENS_TEST_HOSTS is for test builds, never a release build.');
  for (const host of hosts) if (!/^[a-z0-9.-]+$/.test(host)) throw new Error(`LENS_TEST_HOSTS: not a host name: ${host}`);
  return hosts.map((host) => `https://${host}/*`);
}

/**
 * The content script runs in every CRM page the lawyer opens, so it does without
 * webextension-polyfill (a third of its code, and a Proxy on every API call): `wxt/browser` is
 * WXT's own `browser` there, i.e. Firefox's `browser` or Chromium's `chrome`, whose MV3 APIs return
 * promises too. The polyfill's module aliases `wxt/browser` for every build; this puts WXT's back,
 * first, for content-script builds only (the background, sidebar and options keep the polyfill).
 */
function useNativeBrowserApi(config: InlineConfig): void {
  const own = { find: /^wxt\/browser$/, replacement: createRequire(import.meta.url).resolve('wxt/browser') };
  const resolve = (config.resolve ??= {});
  const alias = resolve.alias ?? [];
  resolve.alias = Array.isArray(alias)
    ? [own, ...alias]
    : [own, ...Object.entries(alias).map(([find, replacement]) => ({ find, replacement }))];
}
