import { SIDE_PANEL_FLAG } from '@/lib/settings/sidebar-placement';

// Injected by the background (lib/background/after-load-injection.ts) right before the content
// script while the side panel is the sidebar's placement: it runs in the same isolated world (the
// page cannot see or set this), so the content script knows at once, without a round trip, that it
// must insert no frame.
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[SIDE_PANEL_FLAG] = true;
});
