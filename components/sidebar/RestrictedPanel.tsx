import type { OutboxItemView } from '@/lib/messaging/outbox-item-view';
import type { RecordRefMessage } from '@/lib/messaging/record-ref-schema';
import { messages } from './messages';
import { Panel } from './Panel';
import { UnsentWrite } from './UnsentWrite';

/**
 * A client not available to this user (a wall, or gone): no name, no data, not even the page's own
 * label for the record. The user's own writes for it that will not be saved stay readable.
 */
export function RestrictedPanel({ record, unsent = [], onCollapse, onCopy, onDiscard }: {
  record: RecordRefMessage;
  unsent?: OutboxItemView[];
  onCollapse?: () => void;
  onCopy: (text: string) => Promise<boolean>;
  onDiscard: (id: string) => void;
}) {
  const { label: _hidden, ...anonymous } = record;
  return (
    <Panel state="restricted" title={messages.restricted.title} record={anonymous} onCollapse={onCollapse}>
      <p>{messages.restricted.body}</p>
      <p className="muted">{messages.restricted.next}</p>
      {unsent.length > 0 && (
        <section aria-label={messages.restricted.unsentTitle}>
          <h2>{messages.restricted.unsentTitle}</h2>
          {unsent.map((item) => <UnsentWrite key={item.id} item={item} onCopy={onCopy} onDiscard={() => onDiscard(item.id)} />)}
        </section>
      )}
    </Panel>
  );
}
