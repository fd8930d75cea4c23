import { describeAge } from '@/lib/format/dates';
import type { ReadyView } from '@/lib/messaging/sidebar-view';
import type { SidebarActions } from './actions';
import { ProblemDetails } from './ProblemDetails';
import { RecordLine } from './RecordLine';

/** Client name, bound record, how fresh the data is, refresh and collapse. */
export function ClientHeader({ view, actions, now, summary }: { view: ReadyView; actions: SidebarActions; now: number; summary: string }) {
  const { freshness } = view;
  const age = describeAge(freshness.fetchedAt, now);
  const line = {
    fresh: `Updated ${age}`,
    revalidating: `Checking for updates · from ${age}`,
    offline: `Offline — from ${age}`,
    error: `Could not update — from ${age}`,
  }[freshness.state];
  return (
    <header className="client-header">
      <div className="row spread">
        <h1 id="client-name">{view.context.client.name}</h1>
        <div className="row">
          <button type="button" className="icon" onClick={actions.refresh} aria-label="Refresh" title="Refresh">↻</button>
          <button type="button" className="icon" onClick={() => actions.setCollapsed(true)} aria-label="Collapse the sidebar" title="Collapse">›</button>
        </div>
      </div>
      <p className="muted">{view.context.client.industry}</p>
      <RecordLine record={view.record} />
      <p className="summary" data-testid="summary">{summary}</p>
      <div className={`freshness ${freshness.state}`} role="status" data-testid="freshness">
        <span>{line}</span>
        {freshness.problem && <ProblemDetails problem={freshness.problem} />}
      </div>
    </header>
  );
}
