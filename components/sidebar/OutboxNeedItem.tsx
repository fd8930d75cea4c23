import type { OutboxItemView } from '@/lib/messaging/outbox-item-view';

/** A need the user logged that the firm has not confirmed yet: waiting, refused (with the reason) or saved. */
export function OutboxNeedItem({ item, onEdit, onDiscard, onRetry }: { item: OutboxItemView; onEdit: () => void; onDiscard: () => void; onRetry: () => void }) {
  if (item.payload.kind !== 'need') return null;
  const need = item.payload.need;
  const badge = {
    pending: item.attempts > 0 ? 'Waiting to send' : 'Sending…',
    rejected: 'Not saved',
    'needs-sign-in': 'Sign in to send',
    done: 'Saved',
  }[item.state];
  return (
    <li className={`need outbox ${item.state}`} data-outbox-state={item.state}>
      <p className="row spread">
        <strong>{need.title}</strong>
        <span className="status pending">{badge}</span>
      </p>
      <p className="muted">{need.practiceArea}{item.receiptId ? ` · reference ${item.receiptId}` : ''}</p>
      {item.state === 'pending' && item.attempts > 0 && item.reason && <p className="muted">{item.reason} It is kept and will be sent.</p>}
      {item.state === 'rejected' && (
        <>
          <p className="error">{item.reason ?? 'The firm endpoint refused it.'}</p>
          <div className="row">
            <button type="button" onClick={onEdit}>Edit</button>
            <button type="button" onClick={onDiscard}>Discard</button>
          </div>
        </>
      )}
      {item.state === 'pending' && item.attempts > 0 && <button type="button" className="link" onClick={onRetry}>Try now</button>}
    </li>
  );
}
