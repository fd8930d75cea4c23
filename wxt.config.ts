import { defineConfig } from 'wxt';

// See README "Architecture". Host permissions: the PMS hosts the content script runs on are
// declared; the firm endpoint's origin is requested at run time (optional), never all hosts.
export default defineConfig({
  // LENS_OUT_DIR lets two builds (e.g. parallel test runs) live side by side; default .output.
  outDir: process.env.LENS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Secondment Lens',
    description: "Your firm's secondment relationship with the client on screen, beside the CRM record.",
    permissions: ['storage', 'alarms'],
    action: { default_title: 'Secondment Lens' },
    commands: {
      'toggle-sidebar': { suggested_key: { default: 'Alt+Shift+L' }, description: 'Show or hide the Secondment Lens sidebar' },
    },
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // use_dynamic_url: the frame's URL changes per session, so a page cannot probe for or embed it.
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: ['https://*/*'], use_dynamic_url: true }],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'secondment-lens@example.org', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
});
