import { useEffect, useRef, useState } from 'react';
import type { ReadyView } from '@/lib/messaging/sidebar-view';
import type { SidebarActions } from './actions';
import { FlagForm } from './FlagForm';
import { FlagOutboxNote } from './FlagOutboxNote';
import { FlagSummary } from './FlagSummary';
import { messages } from './messages';
import { Section } from './Section';

/** Whether BD flagged this client as a secondment candidate; only BD users are offered to flag, edit and clear it. */
export function CandidateFlagSection({ view, actions }: { view: ReadyView; actions: SidebarActions }) {
  const m = messages.flag;
  const flag = view.context.candidateFlag;
  const isBd = view.me?.role === 'bd';
  const clientId = view.context.client.id;
  const [editing, setEditing] = useState(false);
  // Clearing is destructive (BD colleagues lose the flag): it asks first.
  const [confirming, setConfirming] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!editing && !confirming && returnFocus.current) {
      returnFocus.current = false;
      toggle.current?.focus();
    }
  }, [editing, confirming]);
  const close = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  const notes = view.outbox.filter((o) => o.clientId === clientId && (o.payload.kind === 'flag-set' || o.payload.kind === 'flag-clear') && o.state !== 'done');

  return (
    <Section title={m.title} testId="candidate-flag">
      {flag ? <FlagSummary flag={flag} /> : <p className="muted">{m.notFlagged}</p>}
      {notes.map((item) => (
        <FlagOutboxNote key={item.id} item={item} onDismiss={() => void actions.discardOutboxItem(item.id)} onSignIn={actions.openOptions}
          onApplyMine={() => void actions.reapplyOutboxItem(item.id)} onCopy={actions.copyText} />
      ))}
      {isBd && !editing && !confirming && (
        <div className="row">
          <button type="button" ref={toggle} onClick={() => setEditing(true)}>{flag ? m.edit : m.flag}</button>
          {flag && <button type="button" onClick={() => setConfirming(true)}>{m.clear}</button>}
        </div>
      )}
      {isBd && confirming && flag && (
        <div role="alertdialog" aria-label={m.clear} className="confirm">
          <p>{m.confirmClear}</p>
          <div className="row">
            <button type="button" autoFocus onClick={() => {
              returnFocus.current = true; // the toggle becomes "Flag as candidate" once cleared
              setConfirming(false);
              void actions.clearFlag(clientId);
            }}>{m.confirmClearYes}</button>
            <button type="button" onClick={() => {
              returnFocus.current = true;
              setConfirming(false);
            }}>{m.keep}</button>
          </div>
        </div>
      )}
      {isBd && editing && (
        <FlagForm initialReason={flag?.reason ?? ''} initialPriority={flag?.priority ?? 'medium'} onCancel={close}
          onSubmit={async (input) => {
            const result = await actions.setFlag(clientId, input);
            if (result.ok) close();
            return result.ok ? null : result.error.message;
          }} />
      )}
    </Section>
  );
}
