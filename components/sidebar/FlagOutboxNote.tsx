import type { OutboxItemView } from '@/lib/messaging/outbox-item-view';
import { FlagConflict } from './FlagConflict';
import { messages } from './messages';
import { UnsentWrite } from './UnsentWrite';

export interface FlagOutboxNoteProps {
  item: OutboxItemView;
  onDismiss: () => void;
  onSignIn: () => void;
  onApplyMine: () => void;
  onCopy: (text: string) => Promise<boolean>;
}

/**
 * A flag change on its way to the endpoint; refused (with the reason and a way to dismiss it);
 * found the flag changed meanwhile (theirs or mine again); or can no longer be saved (its text).
 */
export function FlagOutboxNote({ item, onDismiss, onSignIn, onApplyMine, onCopy }: FlagOutboxNoteProps) {
  const m = messages.flag;
  const clearing = item.payload.kind === 'flag-clear';
  if (item.state === 'conflict') return <FlagConflict item={item} onUseTheirs={onDismiss} onApplyMine={onApplyMine} />;
  if (item.state === 'dead-letter') return <UnsentWrite item={item} onCopy={onCopy} onDiscard={onDismiss} />;
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
