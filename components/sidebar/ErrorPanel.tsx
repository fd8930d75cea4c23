import type { RecordRefMessage } from '@/lib/messaging/record-ref-schema';
import type { ProblemView } from '@/lib/messaging/sidebar-view';
import { messages } from './messages';
import { Panel } from './Panel';
import { ProblemDetails } from './ProblemDetails';

/** Nothing cached and the endpoint failed: a short reason, a retry, details for IT behind a toggle. */
export function ErrorPanel({ record, problem, onRetry, onCollapse }: { record: RecordRefMessage; problem: ProblemView; onRetry: () => void; onCollapse?: () => void }) {
  return (
    <Panel state="error" title={messages.error.title} record={record} onCollapse={onCollapse}>
      <div role="alert">
        <ProblemDetails problem={problem} />
      </div>
      <button type="button" className="primary" onClick={onRetry}>{messages.error.retry}</button>
      {problem.detail && <p className="muted">{messages.error.next}</p>}
    </Panel>
  );
}
