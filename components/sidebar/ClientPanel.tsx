import { useState } from 'react';
import { myPlacement } from '@/lib/programme/my-placement';
import type { ReadyView } from '@/lib/messaging/sidebar-view';
import type { SidebarActions } from './actions';
import { ActiveSecondees, StartingSoon } from './ActiveSecondees';
import { CandidateFlagSection } from './CandidateFlagSection';
import { ClientHeader } from './ClientHeader';
import { messages } from './messages';
import { MyPlacement } from './MyPlacement';
import { NeedsSection } from './NeedsSection';
import { OpenObjectives } from './OpenObjectives';
import { ProgrammeOutboxNotes } from './ProgrammeOutboxNotes';
import { SecondmentHistory } from './SecondmentHistory';

const PROGRAMME_KINDS = new Set(['need-triage', 'check-in', 'objective']);

/** The client's secondment relationship: what a lawyer reads in the five seconds before a call. */
export function ClientPanel({ view, actions, now, onCollapse }: { view: ReadyView; actions: SidebarActions; now: number; onCollapse?: () => void }) {
  const { context, me } = view;
  const [logNeedRequest, setLogNeedRequest] = useState(0);
  const active = context.secondments.filter((s) => s.status === 'active');
  const past = context.secondments.filter((s) => s.status === 'completed' || s.status === 'ended-early');
  const planned = context.secondments.filter((s) => s.status === 'planned');
  const mine = myPlacement(context.secondments, me?.id);
  const programmeItems = view.outbox.filter((o) => o.clientId === context.client.id && PROGRAMME_KINDS.has(o.payload.kind) && o.state !== 'done');
  const placementBusy = programmeItems.some((o) => o.state === 'pending' && (o.payload.kind === 'objective' || o.payload.kind === 'check-in'));
  return (
    <main className="panel" data-state="ready" aria-labelledby="client-name">
      <ClientHeader view={view} onRefresh={actions.refresh} onCollapse={onCollapse} now={now} />
      <ProgrammeOutboxNotes items={programmeItems} onDiscard={(id) => void actions.discardOutboxItem(id)} onCopy={actions.copyText} onRetry={actions.retryOutbox} />
      {mine && (
        <MyPlacement secondment={mine} now={now} busy={placementBusy}
          onCheckIn={async (checkIn) => (await actions.recordCheckIn(context.client.id, mine.id, checkIn)).ok}
          onObjective={(objective, status) => {
            if (mine.version) void actions.setObjectiveStatus(context.client.id, { id: mine.id, version: mine.version }, objective, status);
          }}
          onLogNeed={() => setLogNeedRequest((n) => n + 1)} />
      )}
      <ActiveSecondees secondments={active} now={now} />
      <StartingSoon secondments={planned} now={now} />
      <OpenObjectives secondments={active} />
      <NeedsSection view={view} actions={actions} logNeedRequest={logNeedRequest} />
      <CandidateFlagSection view={view} actions={actions} />
      <SecondmentHistory secondments={past} />
      {actions.openPipeline && <p className="pipeline-link"><button type="button" className="link" onClick={actions.openPipeline}>{messages.pipeline.open}</button></p>}
    </main>
  );
}
