import type { OutboxItemView } from '@/lib/messaging/outbox-item-view';
import { messages } from './messages';
import { UnsentWrite } from './UnsentWrite';

/** A need the user logged that the firm has not confirmed yet: waiting, refused (with the reason), waiting for sign-in, saved, or one that can no longer be saved. */
export function OutboxNeedItem(props: { item: OutboxItemView; onEdit: () => void; onDiscard: () => void; onRetry: () => void; onSignIn: () => void; onCopy: (text: string) => Promise<boolean> }) {
  const { item } = props;
  if (item.payload.kind !== 'need') return null;
  if (item.state === 'dead-letter' || item.state === 'conflict') {
    return <li className="need outbox"><UnsentWrite item={item} onCopy={props.onCopy} onDiscard={props.onDiscard} /></li>;
  }
  const m = messages.outbox;
  const need = item.payload.need;
  const badge = item.state === 'pending' ? (item.attempts > 0 ? m.badge.waiting : m.badge.sending) : m.badge[item.state];
  const retrying = item.state === 'pending' && item.attempts > 0;
  return (
    <li className={`need outbox ${item.state}`} data-outbox-state={item.state}>
      <p className="row spread">
        <strong>{need.title}</strong>
        <span className={`status outbox-${item.state}`}>{badge}</span>
      </p>
      <p className="muted">{need.practiceArea}{item.receiptId ? ` · ${m.reference(item.receiptId)}` : ''}</p>
      {retrying && item.reason && <p className="muted">{m.willRetry(item.reason)}</p>}
      {retrying && <button type="button" className="link" onClick={props.onRetry}>{m.retry}</button>}
      {item.state === 'needs-sign-in' && (
        <>
          <p className="muted">{m.signInHint}</p>
          <button type="button" className="link" onClick={props.onSignIn}>{m.signIn}</button>
        </>
      )}
      {item.state === 'rejected' && (
        <>
          <p className="error">{item.reason ?? m.refusedDefault}</p>
          <div className="row">
            <button type="button" onClick={props.onEdit} aria-label={m.editLabel(need.title)}>{m.edit}</button>
            <button type="button" onClick={props.onDiscard} aria-label={m.discardLabel(need.title)}>{m.discard}</button>
          </div>
        </>
      )}
    </li>
  );
}
