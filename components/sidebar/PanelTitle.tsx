import type { ReactNode } from 'react';
import { messages } from './messages';

/**
 * The top line of every state: the heading (focusable from script, so focus can land on it after
 * the view changes) and, in the in-page frame, the button that collapses the sidebar.
 */
export function PanelTitle({ id, children, onCollapse, tools }: { id: string; children: ReactNode; onCollapse?: () => void; tools?: ReactNode }) {
  return (
    <div className="row spread title-row">
      <h1 id={id} tabIndex={-1}>{children}</h1>
      <div className="row tools">
        {tools}
        {onCollapse && (
          <button type="button" className="icon" onClick={onCollapse} aria-label={messages.header.collapse} title={messages.header.collapseShort} data-collapse-button="">
            <span aria-hidden="true">›</span>
          </button>
        )}
      </div>
    </div>
  );
}
