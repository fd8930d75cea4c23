import type { CSSProperties } from 'react';
import type { NeedRow } from '@/lib/pipeline/need-row';
import { messages } from './messages';

const m = messages.board;

/**
 * One need on the board. A redacted confidential need shows whom to ask, never text (the cache does
 * not hold it). `active` makes it the board's one tab stop (roving tabindex).
 */
export function NeedCard({ need, style, position, total, active, column, index }: {
  need: NeedRow; style: CSSProperties; position: number; total: number; active: boolean; column: number; index: number;
}) {
  return (
    <div role="listitem" className={`need-card${need.redacted ? ' redacted' : ''}`} style={style} tabIndex={active ? 0 : -1}
      aria-posinset={position} aria-setsize={total} data-pos={`${column}:${index}`} data-need-id={need.id}>
      <p className="need-title">{need.title ?? m.redacted(need.askContact)}</p>
      <p className="need-meta"><span className="client">{need.clientName}</span> · {need.practiceArea}{need.confidential && !need.redacted ? <> · <span className="tag">{m.confidential}</span></> : null}</p>
      <p className="need-meta muted">{m.noticed(need.identifiedBy, need.ageDays)} · {need.matter ? m.matter(need.matter) : m.owner(need.ownerName)}</p>
    </div>
  );
}
