import type { SidebarView } from '@/lib/messaging/sidebar-view';
import type { SidebarActions } from './actions';
import { ClientPanel } from './ClientPanel';
import { AmbiguousPanel, ErrorPanel, IdlePanel, LoadingPanel, NotFoundPanel, RestrictedPanel, SignedOutPanel } from './StatePanels';

export interface SidebarProps {
  view: SidebarView;
  actions: SidebarActions;
  /** Clock for ages and days left; injected so tests are deterministic. */
  now: number;
}

/** The sidebar for one record: a panel per state, each with words a lawyer understands and a next step. */
export function Sidebar({ view, actions, now }: SidebarProps) {
  switch (view.status) {
    case 'idle':
      return <IdlePanel actions={actions} />;
    case 'signed-out':
      return <SignedOutPanel reason={view.reason} actions={actions} />;
    case 'loading':
      return <LoadingPanel record={view.record} />;
    case 'not-found':
      return <NotFoundPanel record={view.record} actions={actions} />;
    case 'ambiguous':
      return <AmbiguousPanel record={view.record} matches={view.matches} actions={actions} />;
    case 'restricted':
      return <RestrictedPanel record={view.record} />;
    case 'error':
      return <ErrorPanel record={view.record} problem={view.problem} actions={actions} />;
    case 'ready':
      return <ClientPanel view={view} actions={actions} now={now} />;
  }
}
