import type { CandidateRow } from '@/lib/pipeline/candidates';
import { ListSection } from './ListSection';
import { messages } from './messages';

const m = messages.candidates;

/** Clients BD flagged as secondment candidates: highest priority first, with the reason and who flagged them. */
export function CandidateList({ rows, formatDay }: { rows: CandidateRow[]; formatDay: (ms: number) => string }) {
  return (
    <ListSection id="candidates-title" title={m.title} none={m.none} label={m.listLabel} count={rows.length} rowHeight={72} maxHeight={360}
      renderRow={(i, style) => {
        const r = rows[i]!;
        return (
          <div role="listitem" key={r.clientId} className={`line flag-line ${r.priority}`} style={style}>
            <p className="clip"><span className={`tag priority-${r.priority}`}>{m.priority[r.priority]}</span> <strong>{r.clientName}</strong></p>
            <p className="clip" title={r.reason}>{r.reason}</p>
            <p className="clip muted">{m.byline(r.flaggedBy, formatDay(r.flaggedAtMs))}</p>
          </div>
        );
      }} />
  );
}
