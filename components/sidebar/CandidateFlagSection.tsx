import { type FormEvent, useState } from 'react';
import { CandidateFlagInput, type FlagPriority } from '@/lib/contract/candidate-flag';
import { formatDate } from '@/lib/format/dates';
import type { ReadyView } from '@/lib/messaging/sidebar-view';
import type { SidebarActions } from './actions';
import { PRIORITY_LABEL } from './labels';
import { Section } from './Section';

/** Whether BD flagged this client as a secondment candidate; BD users flag, edit and clear it. */
export function CandidateFlagSection({ view, actions }: { view: ReadyView; actions: SidebarActions }) {
  const flag = view.context.candidateFlag;
  const isBd = view.me?.role === 'bd';
  const [editing, setEditing] = useState(false);
  const pending = view.outbox.filter((o) => (o.payload.kind === 'flag-set' || o.payload.kind === 'flag-clear') && o.state !== 'done');
  const clientId = view.context.client.id;
  return (
    <Section title="Secondment candidate" testId="candidate-flag">
      {flag ? (
        <div className={`flag ${flag.priority}`}>
          <p><strong>Flagged as a candidate</strong> · {PRIORITY_LABEL[flag.priority]} priority</p>
          <p>{flag.reason}</p>
          <p className="muted">{flag.flaggedBy.name}, {formatDate(flag.flaggedAt)}</p>
        </div>
      ) : (
        <p className="muted">Not flagged as a secondment candidate.</p>
      )}
      {pending.map((p) => (
        <p key={p.id} className={p.state === 'rejected' ? 'error' : 'muted'} data-outbox-state={p.state}>
          {p.payload.kind === 'flag-clear' ? 'Clearing the flag' : 'Saving the flag'}
          {p.state === 'rejected' ? ` was refused: ${p.reason ?? ''}` : '…'}
          {p.state === 'rejected' && <button type="button" className="link" onClick={() => void actions.discardOutboxItem(p.id)}>Dismiss</button>}
        </p>
      ))}
      {isBd && !editing && (
        <div className="row">
          <button type="button" onClick={() => setEditing(true)}>{flag ? 'Edit flag' : 'Flag as candidate'}</button>
          {flag && <button type="button" onClick={() => void actions.clearFlag(clientId)}>Clear flag</button>}
        </div>
      )}
      {isBd && editing && (
        <FlagForm initialReason={flag?.reason ?? ''} initialPriority={flag?.priority ?? 'medium'} onCancel={() => setEditing(false)}
          onSubmit={async (input) => {
            const result = await actions.setFlag(clientId, input);
            if (result.ok) setEditing(false);
            return result.ok ? null : result.error.message;
          }} />
      )}
    </Section>
  );
}

function FlagForm(props: { initialReason: string; initialPriority: FlagPriority; onSubmit: (input: CandidateFlagInput) => Promise<string | null>; onCancel: () => void }) {
  const [reason, setReason] = useState(props.initialReason);
  const [priority, setPriority] = useState<FlagPriority>(props.initialPriority);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = CandidateFlagInput.safeParse({ reason, priority });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the form.');
    setError(await props.onSubmit({ reason, priority }));
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Flag as secondment candidate" noValidate>
      <label htmlFor="flag-reason">Why is this client a candidate?</label>
      <textarea id="flag-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus
        aria-invalid={!!error} aria-describedby={error ? 'flag-error' : undefined} />
      <label htmlFor="flag-priority">Priority</label>
      <select id="flag-priority" value={priority} onChange={(e) => setPriority(e.target.value as FlagPriority)}>
        {Object.entries(PRIORITY_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
      </select>
      {error && <p id="flag-error" role="alert" className="error">{error}</p>}
      <div className="row">
        <button type="submit" className="primary">Save flag</button>
        <button type="button" onClick={props.onCancel}>Cancel</button>
      </div>
    </form>
  );
}
