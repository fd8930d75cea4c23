import type { OutboxItemView } from '@/lib/messaging/outbox-item-view';
import { formatDate } from '@/lib/format/dates';
import { messages } from './messages';
import { writeText } from './write-text';

/**
 * A flag change of mine that found the flag changed by someone else meanwhile (412): who changed
 * it and how it is now, what mine was, and the choice: theirs (mine is discarded) or mine again
 * (sent against the version shown here).
 */
export function FlagConflict({ item, onUseTheirs, onApplyMine }: { item: OutboxItemView; onUseTheirs: () => void; onApplyMine: () => void }) {
  const m = messages.flag;
  const now = item.currentFlag;
  const theirs = now === undefined ? m.conflictUnknown
    : now === null ? m.conflictCleared
    : m.conflictTheirs(now.flaggedBy.name, formatDate(now.flaggedAt));
  return (
    <div className="conflict" role="group" aria-label={m.conflictTitle} data-outbox-state={item.state} data-testid="flag-conflict">
      <p><strong>{m.conflictTitle}</strong></p>
      <p>{theirs}</p>
      {now && <p className="detail-text">“{now.reason}” · {m.priorityLine(m.priority[now.priority])}</p>}
      <p className="muted">{m.conflictMine(writeText(item.payload))}</p>
      <div className="row">
        <button type="button" onClick={onUseTheirs}>{m.useTheirs}</button>
        <button type="button" onClick={onApplyMine}>{m.applyMine}</button>
      </div>
    </div>
  );
}
