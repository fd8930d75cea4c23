import type { SidebarView } from '@/lib/messaging/sidebar-view';
import type { SidebarActions } from './actions';
import { AmbiguousPanel } from './AmbiguousPanel';
import { ClientPanel } from './ClientPanel';
import { ErrorPanel } from './ErrorPanel';
import { IdlePanel } from './IdlePanel';
import { LoadingPanel } from './LoadingPanel';
import { messages } from './messages';
import { NotFoundPanel } from './NotFoundPanel';
import { Panel } from './Panel';
import { RestrictedPanel } from './RestrictedPanel';
import { SignedOutPanel } from './SignedOutPanel';

export interface SidebarProps {
  view: SidebarView;
  actions: SidebarActions;
  /** Clock for ages and days left; injected so tests are deterministic. */
  now: number;
  /** The in-page frame can collapse to a tab; the browser's side panel cannot (default true). */
  collapsible?: boolean;
  /**
   * The in-page frame is shown only while the content script sees a record: "no record" there
   * means the background has not heard of it yet (an in-page switch from a list to a record), so
   * it waits instead of explaining a state the page has already left (default false).
   */
  shownOnlyWithRecord?: boolean;
}

/** The sidebar for one record: a panel per state, each with words a lawyer understands and a next step. */
export function Sidebar({ view, actions, now, collapsible = true, shownOnlyWithRecord = false }: SidebarProps) {
  const onCollapse = collapsible ? () => actions.setCollapsed(true) : undefined;
  switch (view.status) {
    case 'idle':
      if (shownOnlyWithRecord) return <Panel state="waiting" title={messages.loading.title} onCollapse={onCollapse} />;
      return <IdlePanel onOpenOptions={actions.openOptions} onCollapse={onCollapse} />;
    case 'signed-out':
      return <SignedOutPanel reason={view.reason} firm={view.firm} onOpenOptions={actions.openOptions} onSignInWithFirm={actions.signInWithFirm} onCollapse={onCollapse} />;
    case 'loading':
      return <LoadingPanel record={view.record} onCollapse={onCollapse} />;
    case 'not-found':
      return <NotFoundPanel record={view.record} actions={actions} onCollapse={onCollapse} />;
    case 'ambiguous':
      return <AmbiguousPanel record={view.record} matches={view.matches} onPick={actions.pickClient} onCollapse={onCollapse} />;
    case 'restricted':
      return <RestrictedPanel record={view.record} unsent={view.unsent} onCollapse={onCollapse} onCopy={actions.copyText} onDiscard={(id) => void actions.discardOutboxItem(id)} />;
    case 'error':
      return <ErrorPanel record={view.record} problem={view.problem} onRetry={actions.refresh} onCollapse={onCollapse} />;
    case 'ready':
      return <ClientPanel view={view} actions={actions} now={now} onCollapse={onCollapse} />;
  }
}
