import type { RecordRefMessage } from '@/lib/messaging/record-ref-schema';
import { messages } from './messages';
import { Panel } from './Panel';

/** An ethical wall: no name, no data, not even the page's own label for the record. */
export function RestrictedPanel({ record, onCollapse }: { record: RecordRefMessage; onCollapse?: () => void }) {
  const { label: _hidden, ...anonymous } = record;
  return (
    <Panel state="restricted" title={messages.restricted.title} record={anonymous} onCollapse={onCollapse}>
      <p>{messages.restricted.body}</p>
      <p className="muted">{messages.restricted.next}</p>
    </Panel>
  );
}
