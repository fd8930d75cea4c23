import { useState } from 'react';
import type { ClientSummary } from '@/lib/contract/client';
import type { RecordRefMessage } from '@/lib/messaging/record-ref-schema';
import type { SidebarActions } from './actions';
import { ClientChoices } from './ClientChoices';
import { messages } from './messages';
import { Panel } from './Panel';

/** The record matches several firm clients: the user picks one, and it is remembered. */
export function AmbiguousPanel(props: { record: RecordRefMessage; matches: ClientSummary[]; onPick: SidebarActions['pickClient']; onCollapse?: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const pick = async (id: string) => {
    const result = await props.onPick(id);
    setError(result.ok ? null : result.error.message);
  };
  return (
    <Panel state="ambiguous" title={messages.ambiguous.title} record={props.record} onCollapse={props.onCollapse}>
      <p>{messages.ambiguous.body}</p>
      <ClientChoices clients={props.matches} label={messages.ambiguous.title} describe={(c) => c.name} onChoose={(id) => void pick(id)} />
      {error && <p role="alert" className="error">{error}</p>}
    </Panel>
  );
}
