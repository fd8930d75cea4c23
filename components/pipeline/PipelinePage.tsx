import { memo, useDeferredValue, useLayoutEffect, useMemo } from 'react';
import { boardColumns } from '@/lib/pipeline/board-columns';
import type { BookIndex } from '@/lib/pipeline/book-index';
import type { NeedRow } from '@/lib/pipeline/need-row';
import { type ClientMatch, clientsMatching, filterNeeds, type PipelineFilter } from '@/lib/pipeline/filter';
import { needsCsv } from '@/lib/pipeline/need-csv';
import { practiceAreaBars } from '@/lib/pipeline/practice-chart';
import { Board } from './Board';
import { CandidateList } from './CandidateList';
import { Filters } from './Filters';
import { messages } from './messages';
import { PracticeChart } from './PracticeChart';
import { RelationshipList } from './RelationshipList';
import { SecondmentWatch } from './SecondmentWatch';

export type PipelineState =
  | { state: 'loading' }
  | { state: 'signed-out' }
  | { state: 'error'; message: string }
  | { state: 'ready'; index: BookIndex; user: string; syncedAt: number | null };

export interface PipelineEvents {
  onFilterChange: (filter: PipelineFilter) => void;
  /** The current view as CSV, to be saved under `fileName`. */
  onExport: (csv: string, fileName: string) => void;
  onReload: () => void;
  onOpenOptions: () => void;
  /** The board, lists and chart now show this filter (they follow the inputs a moment later). */
  onFilterShown?: (filter: PipelineFilter) => void;
}

export interface PipelineFormat {
  /** A date for people ("12 Mar 2026"). */
  day: (ms: number) => string;
  /** A date and time for people. */
  instant: (ms: number) => string;
}

const inClients = <T extends { clientId: string }>(rows: T[], clients: ClientMatch | null) => (clients ? rows.filter((r) => clients.has(r.clientId)) : rows);

/** The book in one page: the board BD works from, candidates, secondments to talk about, relationships, a chart. */
export function PipelinePage(props: { view: PipelineState; filter: PipelineFilter; format: PipelineFormat } & PipelineEvents) {
  const { view } = props;
  return (
    <main className="pipeline" aria-labelledby="pipeline-title">
      <header className="page-header">
        <div>
          <h1 id="pipeline-title">{messages.title}</h1>
          <p className="muted">{messages.subtitle}</p>
        </div>
        {view.state === 'ready' ? <BookLine ready={view} format={props.format} onReload={props.onReload} /> : null}
      </header>
      {view.state === 'loading' && <p role="status" className="muted">{messages.loading}</p>}
      {view.state === 'signed-out' && (
        <p>{messages.signedOut} <button type="button" onClick={props.onOpenOptions}>{messages.openOptions}</button></p>
      )}
      {view.state === 'error' && (
        <p role="alert">{messages.error(view.message)} <button type="button" onClick={props.onReload}>{messages.reload}</button></p>
      )}
      {view.state === 'ready' && <Book index={view.index} {...props} />}
    </main>
  );
}

/** Memoised: a filter change re-renders the page, and formatting the sync time is not free. */
const BookLine = memo(function BookLine({ ready: view, format, onReload }: { ready: Extract<PipelineState, { state: 'ready' }>; format: PipelineFormat; onReload: () => void }) {
  return (
    <div className="book-line">
      <p>{messages.bookLine(view.index.clientCount, view.index.needs.length, view.user)}</p>
      <p className="muted">{view.syncedAt === null ? messages.neverSynced : messages.syncedAt(format.instant(view.syncedAt))}{' '}
        <button type="button" className="link" onClick={onReload}>{messages.reload}</button></p>
    </div>
  );
});

/**
 * The filters follow every key at once; the board, lists and chart follow the deferred filter, in
 * a render React can interrupt and spread over frames (each part is its own memoised component, so
 * each is a point where it can yield, and a part whose inputs did not change is not rendered).
 */
function Book({ index, filter, format, onFilterChange, onExport, onFilterShown }: { index: BookIndex; filter: PipelineFilter; format: PipelineFormat } & PipelineEvents) {
  const shownFilter = useDeferredValue(filter);
  // One match of the client name per change, shared by every part of the page.
  const clients = useMemo(() => clientsMatching(index, shownFilter.client), [index, shownFilter.client]);
  const shown = useMemo(() => filterNeeds(index, shownFilter, clients), [index, shownFilter, clients]);
  useLayoutEffect(() => onFilterShown?.(shownFilter), [shownFilter, onFilterShown]);
  const { practiceArea, owner, client, age } = shownFilter;
  return (
    <>
      <Filters filter={filter} practiceAreas={index.practiceAreas} owners={index.owners} hasUnowned={index.hasUnowned}
        shown={shown.length} total={index.needs.length} onChange={onFilterChange} />
      <BoardSection shown={shown} today={index.today} onExport={onExport} />
      <div className="blocks">
        <ClientLists index={index} clients={clients} formatDay={format.day} />
        <Chart index={index} clients={clients} shown={age === 'any' ? shown : null} practiceArea={practiceArea} owner={owner} client={client} />
      </div>
    </>
  );
}

const BoardSection = memo(function BoardSection({ shown, today, onExport }: { shown: readonly NeedRow[]; today: string; onExport: PipelineEvents['onExport'] }) {
  const columns = useMemo(() => boardColumns(shown), [shown]);
  const exportView = () => onExport(needsCsv(columns.flatMap((c) => c.needs), messages.csv), messages.csvFileName(today));
  return (
    <section className="board-section" aria-labelledby="board-title">
      <div className="section-head">
        <h2 id="board-title">{messages.board.title}</h2>
        <button type="button" className="primary" onClick={exportView}>{messages.exportCsv}</button>
      </div>
      <Board columns={columns} />
    </section>
  );
});

/** The lists by client: only the client filter narrows them. */
const ClientLists = memo(function ClientLists({ index, clients, formatDay }: { index: BookIndex; clients: ClientMatch | null; formatDay: (ms: number) => string }) {
  const candidates = useMemo(() => inClients(index.candidates, clients), [index, clients]);
  const ending = useMemo(() => inClients(index.endingSoon, clients), [index, clients]);
  const overdue = useMemo(() => inClients(index.overdueCheckIns, clients), [index, clients]);
  // 20,000 lines: by the mask, not by id (a look-up per line cost most of a client filter's time).
  const relationships = useMemo(() => (clients ? index.relationships.filter((r) => clients.mask[r.clientOrdinal] === 1) : index.relationships), [index, clients]);
  return (
    <>
      <CandidateList rows={candidates} formatDay={formatDay} />
      <SecondmentWatch ending={ending} overdue={overdue} />
      <RelationshipList rows={relationships} />
    </>
  );
});

/**
 * The chart has its own window (12 months), so the age filter does not apply to it (nor recompute
 * it); with no age filter the board's needs are the chart's (`shown`), else they are filtered again.
 */
const Chart = memo(function Chart({ index, clients, shown, practiceArea, owner, client }: {
  index: BookIndex; clients: ClientMatch | null; shown: readonly NeedRow[] | null; practiceArea: string | null; owner: string | null; client: string;
}) {
  const bars = useMemo(
    () => practiceAreaBars(shown ?? filterNeeds(index, { practiceArea, owner, client, age: 'any' }, clients), index.now),
    [index, shown, practiceArea, owner, client, clients],
  );
  return <PracticeChart bars={bars} />;
});
