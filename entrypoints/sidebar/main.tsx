import { reportMarks } from '@/lib/bench/bench-report';
import { mountSidebar } from '@/lib/ui/sidebar-app';

// The frame the content script injects beside the record.
mountSidebar('frame');
// Bench builds only: the frame's paint marks go to the bench's collector (see lib/bench/bench-report.ts).
if (import.meta.env.LENS_BENCH_REPORT_URL) reportMarks('sidebar', ['lens:ready', 'lens:rendered', 'lens:view-received', 'lens:view-arrived']);
