import { messages } from './messages';
import { Panel } from './Panel';

/** No record detected on the page (list pages, or a record page no plug-in recognised). */
export function IdlePanel({ onOpenOptions, onCollapse }: { onOpenOptions: () => void; onCollapse?: () => void }) {
  const m = messages.idle;
  return (
    <Panel state="idle" title={m.title} onCollapse={onCollapse}>
      <p>{m.body}</p>
      <p className="muted">{m.detectionHint}</p>
      <button type="button" onClick={onOpenOptions}>{m.openRules}</button>
    </Panel>
  );
}
