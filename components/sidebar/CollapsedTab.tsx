import { messages } from './messages';

/** What the collapsed sidebar shows: one button to open it again (focused when it replaces the sidebar). */
export function CollapsedTab({ onExpand, autoFocus }: { onExpand: () => void; autoFocus?: boolean }) {
  return (
    <button type="button" className="collapsed-tab" onClick={onExpand} aria-label={messages.app.expand} title={messages.app.expand} autoFocus={autoFocus}>
      <span aria-hidden="true">‹</span>
      <span className="vertical" aria-hidden="true">{messages.app.expandShort}</span>
    </button>
  );
}
