import type { SecondmentWatchRow } from '@/lib/pipeline/secondment-watch';
import { ListSection } from './ListSection';
import { messages } from './messages';

const m = messages.watch;

function WatchList({ id, title, none, label, rows, when }: {
  id: string; title: string; none: string; label: string; rows: SecondmentWatchRow[]; when: (r: SecondmentWatchRow) => string;
}) {
  return (
    <ListSection id={id} title={title} none={none} label={label} count={rows.length} rowHeight={50} maxHeight={300}
      renderRow={(i, style) => {
        const r = rows[i]!;
        return (
          <div role="listitem" key={r.id} className="line" style={style}>
            <p className="clip"><strong>{m.person(r.person, r.direction, r.clientName)}</strong></p>
            <p className="clip muted">{when(r)}</p>
          </div>
        );
      }} />
  );
}

/** Secondments that need a conversation: ending within 60 days (reintegration, renewal), and overdue check-ins. */
export function SecondmentWatch({ ending, overdue }: { ending: SecondmentWatchRow[]; overdue: SecondmentWatchRow[] }) {
  return (
    <>
      <WatchList id="ending-title" title={m.endingTitle} none={m.endingNone} label={m.endingListLabel} rows={ending} when={(r) => m.ends(r.date, r.days)} />
      <WatchList id="overdue-title" title={m.overdueTitle} none={m.overdueNone} label={m.overdueListLabel} rows={overdue} when={(r) => m.overdue(r.date, r.days)} />
    </>
  );
}
