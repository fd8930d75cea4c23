import type { OutboxItemView } from '@/lib/messaging/outbox-item-view';
import { messages } from './messages';

/** A flag change on its way to the endpoint, or refused by it (with the reason and a way to dismiss it). */
export function FlagOutboxNote({ item, onDismiss, onSignIn }: { item: OutboxItemView; onDismiss: () => void; onSignIn: () => void }) {
  const m = messages.flag;
  const clearing = item.payload.kind === 'flag-clear';
  if (item.state === 'rejected') {
    const reason = item.reason ?? messages.outbox.refusedDefault;
    return (
      <p className="error" data-outbox-state={item.state}>
        {clearing ? m.clearingRefused(reason) : m.savingRefused(reason)}{' '}
        <button type="button" className="link" onClick={onDismiss}>{m.dismiss}</button>
      </p>
    );
  }
  if (item.state === 'needs-sign-in') {
    return (
      <p className="muted" data-outbox-state={item.state}>
        {m.needsSignIn} <button type="button" className="link" onClick={onSignIn}>{messages.outbox.signIn}</button>
      </p>
    );
  }
  return <p className="muted" data-outbox-state={item.state}>{clearing ? m.clearing : m.saving}</p>;
}
