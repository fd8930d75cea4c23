import { type FormEvent, useState } from 'react';
import type { ClientSummary } from '@/lib/contract/client';
import type { RecordRefMessage } from '@/lib/messaging/record-ref-schema';
import type { SidebarActions } from './actions';
import { ClientChoices } from './ClientChoices';
import { messages } from './messages';
import { Panel } from './Panel';

/** No client linked to this record: search the firm's clients and link the record to one. */
export function NotFoundPanel(props: { record: RecordRefMessage; actions: Pick<SidebarActions, 'searchClients' | 'linkRecord'>; onCollapse?: () => void }) {
  const m = messages.notFound;
  const [query, setQuery] = useState(props.record.label ?? '');
  const [results, setResults] = useState<ClientSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = async (event: FormEvent) => {
    event.preventDefault();
    if (!query.trim()) return;
    const found = await props.actions.searchClients(query.trim());
    if (found.ok) {
      setResults(found.value);
      setError(null);
    } else setError(found.error.message);
  };
  const link = async (id: string) => {
    const linked = await props.actions.linkRecord(id);
    if (!linked.ok) setError(linked.error.message);
  };
  return (
    <Panel state="not-found" title={m.title} record={props.record} onCollapse={props.onCollapse}>
      <p>{m.body}</p>
      <form role="search" onSubmit={(e) => void search(e)} className="row">
        <label htmlFor="client-search" className="visually-hidden">{m.searchLabel}</label>
        <input id="client-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={m.searchPlaceholder} maxLength={100} />
        <button type="submit">{m.search}</button>
      </form>
      <div aria-live="polite">
        {results && results.length === 0 && <p className="muted">{m.noMatch}</p>}
        {results && results.length > 0 && <ClientChoices clients={results} label={m.resultsLabel} describe={(c) => m.link(c.name)} onChoose={(id) => void link(id)} />}
      </div>
      {error && <p role="alert" className="error">{error}</p>}
    </Panel>
  );
}
