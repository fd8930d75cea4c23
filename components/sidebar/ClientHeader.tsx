import type { ReadyView } from '@/lib/messaging/sidebar-view';
import { FreshnessLine } from './FreshnessLine';
import { messages } from './messages';
import { PanelTitle } from './PanelTitle';
import { RecordLine } from './RecordLine';
import { summaryOf } from './summary';

/** Client name, bound record, summary, how fresh the data is, refresh and collapse. */
export function ClientHeader({ view, onRefresh, onCollapse, now }: { view: ReadyView; onRefresh: () => void; onCollapse?: () => void; now: number }) {
  const refresh = (
    <button type="button" className="icon" onClick={onRefresh} aria-label={messages.header.refresh} title={messages.header.refresh}>
      <span aria-hidden="true">↻</span>
    </button>
  );
  return (
    <header className="client-header">
      <PanelTitle id="client-name" onCollapse={onCollapse} tools={refresh}>{view.context.client.name}</PanelTitle>
      {view.context.client.industry && <p className="muted">{view.context.client.industry}</p>}
      <RecordLine record={view.record} />
      <p className="summary" data-testid="summary">{messages.summary(summaryOf(view.context))}</p>
      <FreshnessLine freshness={view.freshness} now={now} />
    </header>
  );
}
