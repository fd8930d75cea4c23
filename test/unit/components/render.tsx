import { cleanup, render } from '@testing-library/react';
import { afterEach } from 'vitest';
import { Sidebar } from '@/components/sidebar/Sidebar';
import type { SidebarView } from '@/lib/messaging/sidebar-view';
import { fakeActions, NOW } from './fixtures';

afterEach(cleanup);

/** Renders the sidebar for one view with recording actions and the fixed clock. */
export function renderSidebar(view: SidebarView, options: { now?: number; collapsible?: boolean; shownOnlyWithRecord?: boolean; actions?: Parameters<typeof fakeActions>[0] } = {}) {
  const fake = fakeActions(options.actions);
  const result = render(<Sidebar view={view} actions={fake.actions} now={options.now ?? NOW} collapsible={options.collapsible} shownOnlyWithRecord={options.shownOnlyWithRecord} />);
  return { ...result, ...fake };
}
