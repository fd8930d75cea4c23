import type { SidebarView } from '@/lib/messaging/sidebar-view';
import { messages } from './messages';
import { Panel } from './Panel';

type Reason = Extract<SidebarView, { status: 'signed-out' }>['reason'];

/** Not connected or not signed in: say which, and send the user to the options. */
export function SignedOutPanel({ reason, onOpenOptions, onCollapse }: { reason: Reason; onOpenOptions: () => void; onCollapse?: () => void }) {
  const m = messages.signedOut;
  return (
    <Panel state="signed-out" title={reason === 'no-endpoint' ? m.title['no-endpoint'] : m.title.other} onCollapse={onCollapse}>
      <p>{m.body[reason]}</p>
      <p className="muted">{m.next[reason]}</p>
      <button type="button" className="primary" onClick={onOpenOptions}>{m.action}</button>
    </Panel>
  );
}
