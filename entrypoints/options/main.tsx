import { mountOptions } from '@/lib/ui/options-app';

// The extension's options page (also opened from the sidebar and the toolbar menu).
mountOptions();
