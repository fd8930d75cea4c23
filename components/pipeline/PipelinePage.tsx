import { useMemo } from 'react';
import { boardColumns } from '@/lib/pipeline/board-columns';
import type { BookIndex } from '@/lib/pipeline/book-index';
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

function BookLine({ ready: view, format, onReload }: { ready: Extract<PipelineState, { state: 'ready' }>; format: PipelineFormat; onReload: () => void }) {
  return (
    <div className="book-line">
      <p>{messages.bookLine(view.index.clientCount, view.index.needs.length, view.user)}</p>
      <p className="muted">{view.syncedAt === null ? messages.neverSynced : messages.syncedAt(format.instant(view.syncedAt))}{' '}
        <button type="button" className="link" onClick={onReload}>{messages.reload}</button></p>
    </div>
  );
}

function Book({ index, filter, format, onFilterChange, onExport }: { index: BookIndex; filter: PipelineFilter; format: PipelineFormat } & PipelineEvents) {
  // One match of the client name per change, shared by every part of the page.
  const clients = useMemo(() => clientsMatching(index, filter.client), [index, filter.client]);
  const shown = useMemo(() => filterNeeds(index, filter, clients), [index, filter, clients]);
  const columns = useMemo(() => boardColumns(shown), [shown]);
  // The chart has its own window (12 months), so the age filter does not apply to it (nor recompute it).
  const { practiceArea, owner, client } = filter;
  const bars = useMemo(
    () => practiceAreaBars(filterNeeds(index, { practiceArea, owner, client, age: 'any' }, clients), index.now),
    [index, practiceArea, owner, client, clients],
  );
  const candidates = useMemo(() => inClients(index.candidates, clients), [index, clients]);
  const ending = useMemo(() => inClients(index.endingSoon, clients), [index, clients]);
  const overdue = useMemo(() => inClients(index.overdueCheckIns, clients), [index, clients]);
  const relationships = useMemo(() => inClients(index.relationships, clients), [index, clients]);

  const exportView = () => onExport(needsCsv(columns.flatMap((c) => c.needs), messages.csv), messages.csvFileName(index.today));

  return (
    <>
      <Filters filter={filter} practiceAreas={index.practiceAreas} owners={index.owners} hasUnowned={index.hasUnowned}
        shown={shown.length} total={index.needs.length} onChange={onFilterChange} />
      <section className="board-section" aria-labelledby="board-title">
        <div className="section-head">
          <h2 id="board-title">{messages.board.title}</h2>
          <button type="button" className="primary" onClick={exportView}>{messages.exportCsv}</button>
        </div>
        <Board columns={columns} />
      </section>
      <div className="blocks">
        <CandidateList rows={candidates} formatDay={format.day} />
        <SecondmentWatch ending={ending} overdue={overdue} />
        <RelationshipList rows={relationships} />
        <PracticeChart bars={bars} />
      </div>
    </>
  );
}
