import { mountSidebar } from '@/lib/ui/sidebar-app';

// Chrome's native side panel: the same app, following the active tab's record.
mountSidebar('panel');
