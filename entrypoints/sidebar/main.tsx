import { mountSidebar } from '@/lib/ui/sidebar-app';

// The frame the content script injects beside the record.
mountSidebar('frame');
