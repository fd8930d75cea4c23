import type { OutboxItemView } from '@/lib/messaging/outbox-item-view';
import { messages } from './messages';
import { writeText } from './write-text';

/**
 * Triage, check-in and objective changes the endpoint has not confirmed yet, or refused: what they
 * were, why they did not land, and a way to copy or drop them. Nothing the user did vanishes.
 */
export function ProgrammeOutboxNotes({ items, onDiscard, onCopy, onRetry }: {
  items: OutboxItemView[]; onDiscard: (id: string) => void; onCopy: (text: string) => Promise<boolean>; onRetry: () => void;
}) {
  if (items.length === 0) return null;
  const m = messages.outbox;
  return (
    <ul className="plain outbox-notes" aria-label={messages.triage.pending} data-testid="programme-outbox">
      {items.map((item) => (
        <li key={item.id} className={`note ${item.state}`} data-state={item.state}>
          <p className="detail-text">{writeText(item.payload)}</p>
          <p className="muted">{item.state === 'pending' ? messages.triage.pending : item.reason ?? ''}</p>
          {item.state === 'pending' && item.attempts > 0 && <button type="button" onClick={onRetry}>{m.retry}</button>}
          {item.state !== 'pending' && (
            <p className="row">
              <button type="button" onClick={() => void onCopy(writeText(item.payload))}>{m.copy}</button>
              <button type="button" onClick={() => onDiscard(item.id)}>{m.discard}</button>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
