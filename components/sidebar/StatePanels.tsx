import { type FormEvent, type ReactNode, useState } from 'react';
import type { ClientSummary } from '@/lib/contract/client';
import type { RecordRefMessage } from '@/lib/messaging/record-ref-schema';
import type { ProblemView } from '@/lib/messaging/sidebar-view';
import type { SidebarActions } from './actions';
import { ProblemDetails } from './ProblemDetails';
import { RecordLine } from './RecordLine';

function Panel({ title, record, children, state }: { title: string; record?: RecordRefMessage; children?: ReactNode; state: string }) {
  return (
    <main className="panel" data-state={state} aria-labelledby="panel-title">
      <h1 id="panel-title">{title}</h1>
      {record && <RecordLine record={record} />}
      {children}
    </main>
  );
}

export function IdlePanel({ actions }: { actions: SidebarActions }) {
  return (
    <Panel state="idle" title="No client record on this page">
      <p>Open a client, contact or matter record to see the firm's secondment relationship.</p>
      <p className="muted">
        If this is a record page, your firm's system may need a plug-in rule.{' '}
        <button type="button" className="link" onClick={actions.openOptions}>Add a rule in the options</button>
      </p>
    </Panel>
  );
}

const SIGNED_OUT_TEXT = {
  'no-endpoint': 'Secondment Lens is not connected to your firm yet.',
  'no-token': 'Sign in to see secondment information.',
  rejected: 'Your sign-in has expired or was refused.',
  'no-permission': 'Secondment Lens needs your permission to contact the firm endpoint.',
} as const;

export function SignedOutPanel({ reason, actions }: { reason: keyof typeof SIGNED_OUT_TEXT; actions: SidebarActions }) {
  return (
    <Panel state="signed-out" title={reason === 'no-endpoint' ? 'Not connected' : 'Sign in needed'}>
      <p>{SIGNED_OUT_TEXT[reason]}</p>
      <button type="button" className="primary" onClick={actions.openOptions}>Open the options to sign in</button>
    </Panel>
  );
}

export function LoadingPanel({ record }: { record: RecordRefMessage }) {
  return (
    <Panel state="loading" title="Looking up this client…" record={record}>
      <p role="status" className="muted">Asking the firm endpoint.</p>
    </Panel>
  );
}

export function RestrictedPanel({ record }: { record: RecordRefMessage }) {
  return (
    // The page's own label is left out too: the sidebar says nothing about a walled client.
    <Panel state="restricted" title="Restricted" record={{ ...record, label: undefined }}>
      <p>An ethical wall keeps this client's information from you. Nothing about it is shown or kept on this computer.</p>
      <p className="muted">If you think you should have access, ask your risk or conflicts team.</p>
    </Panel>
  );
}

export function ErrorPanel({ record, problem, actions }: { record: RecordRefMessage; problem: ProblemView; actions: SidebarActions }) {
  return (
    <Panel state="error" title="Could not load this client" record={record}>
      <ProblemDetails problem={problem} />
      <button type="button" onClick={actions.refresh}>Try again</button>
    </Panel>
  );
}

export function AmbiguousPanel({ record, matches, actions }: { record: RecordRefMessage; matches: ClientSummary[]; actions: SidebarActions }) {
  const [error, setError] = useState<string | null>(null);
  const pick = async (id: string) => {
    const result = await actions.pickClient(id);
    setError(result.ok ? null : result.error.message);
  };
  return (
    <Panel state="ambiguous" title="Which client is this?" record={record}>
      <p>This record matches several firm clients. Choose the right one; Secondment Lens will remember it.</p>
      <ul className="choices">
        {matches.map((m) => (
          <li key={m.id}>
            <button type="button" onClick={() => void pick(m.id)}>
              {m.name} <span className="muted">{m.industry}</span>
            </button>
          </li>
        ))}
      </ul>
      {error && <p role="alert" className="error">{error}</p>}
    </Panel>
  );
}

export function NotFoundPanel({ record, actions }: { record: RecordRefMessage; actions: SidebarActions }) {
  const [query, setQuery] = useState(record.label ?? '');
  const [results, setResults] = useState<ClientSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = async (event: FormEvent) => {
    event.preventDefault();
    if (!query.trim()) return;
    const found = await actions.searchClients(query.trim());
    if (found.ok) {
      setResults(found.value);
      setError(null);
    } else setError(found.error.message);
  };
  const link = async (id: string) => {
    const linked = await actions.linkRecord(id);
    if (!linked.ok) setError(linked.error.message);
  };
  return (
    <Panel state="not-found" title="Not a client we know" record={record}>
      <p>The firm has no client linked to this record. If it is one of ours, find it and link this record to it.</p>
      <form role="search" onSubmit={(e) => void search(e)} className="row">
        <label htmlFor="client-search" className="visually-hidden">Search the firm's clients</label>
        <input id="client-search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Client name" maxLength={100} />
        <button type="submit">Search</button>
      </form>
      {results && results.length === 0 && <p className="muted">No client by that name.</p>}
      {results && results.length > 0 && (
        <ul className="choices">
          {results.map((c) => (
            <li key={c.id}>
              <button type="button" onClick={() => void link(c.id)}>
                Link to {c.name} <span className="muted">{c.industry}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </Panel>
  );
}
