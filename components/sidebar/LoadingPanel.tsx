import type { RecordRefMessage } from '@/lib/messaging/record-ref-schema';
import { messages } from './messages';
import { Panel } from './Panel';

/** Nothing cached for this record yet: the endpoint is being asked. */
export function LoadingPanel({ record, onCollapse }: { record: RecordRefMessage; onCollapse?: () => void }) {
  return (
    <Panel state="loading" title={messages.loading.title} record={record} onCollapse={onCollapse}>
      <p role="status" className="muted">{messages.loading.body}</p>
    </Panel>
  );
}
