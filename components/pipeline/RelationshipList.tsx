import type { RelationshipLine } from '@/lib/pipeline/relationships';
import { ListSection } from './ListSection';
import { messages } from './messages';

const m = messages.relationships;

/** Each client's relationship in one line: secondments both ways, needs noticed, needs won. */
export function RelationshipList({ rows }: { rows: RelationshipLine[] }) {
  return (
    <ListSection id="relationships-title" title={m.title} none={m.none} label={m.listLabel} count={rows.length} rowHeight={50} maxHeight={400}
      renderRow={(i, style) => {
        const r = rows[i]!;
        const line = m.line(r);
        return (
          <div role="listitem" key={r.clientId} className="line" style={style}>
            <p className="clip"><strong>{r.clientName}</strong></p>
            <p className="clip muted" title={line}>{line}</p>
          </div>
        );
      }} />
  );
}
