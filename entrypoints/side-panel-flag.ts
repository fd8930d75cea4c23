import { SIDE_PANEL_FLAG } from '@/lib/settings/sidebar-placement';

// Registered by the background (lib/background/placement-registration.ts) only while the side panel
// is the sidebar's placement, at document_start on the hosts the content script runs on: it runs
// before the content script, in the same isolated world (the page cannot see or set this), so the
// content script knows at once, without a round trip, that it must insert no frame.
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[SIDE_PANEL_FLAG] = true;
});
