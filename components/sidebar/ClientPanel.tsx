import type { ReadyView } from '@/lib/messaging/sidebar-view';
import type { SidebarActions } from './actions';
import { ActiveSecondees } from './ActiveSecondees';
import { CandidateFlagSection } from './CandidateFlagSection';
import { ClientHeader } from './ClientHeader';
import { messages } from './messages';
import { NeedsSection } from './NeedsSection';
import { OpenObjectives } from './OpenObjectives';
import { SecondmentHistory } from './SecondmentHistory';

/** The client's secondment relationship: what a lawyer reads in the five seconds before a call. */
export function ClientPanel({ view, actions, now, onCollapse }: { view: ReadyView; actions: SidebarActions; now: number; onCollapse?: () => void }) {
  const { context } = view;
  const active = context.secondments.filter((s) => s.status === 'active');
  const past = context.secondments.filter((s) => s.status === 'completed' || s.status === 'ended-early');
  const planned = context.secondments.filter((s) => s.status === 'planned');
  return (
    <main className="panel" data-state="ready" aria-labelledby="client-name">
      <ClientHeader view={view} onRefresh={actions.refresh} onCollapse={onCollapse} now={now} />
      <ActiveSecondees secondments={[...active, ...planned]} now={now} />
      <OpenObjectives secondments={active} />
      <NeedsSection view={view} actions={actions} />
      <CandidateFlagSection view={view} actions={actions} />
      <SecondmentHistory secondments={past} />
      {actions.openPipeline && <p className="pipeline-link"><button type="button" className="link" onClick={actions.openPipeline}>{messages.pipeline.open}</button></p>}
    </main>
  );
}
