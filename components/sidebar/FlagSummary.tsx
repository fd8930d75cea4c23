import type { CandidateFlag } from '@/lib/contract/candidate-flag';
import { formatDate } from '@/lib/format/dates';
import { messages } from './messages';

/** The flag as everyone sees it: priority, why, who and when. */
export function FlagSummary({ flag }: { flag: CandidateFlag }) {
  const m = messages.flag;
  return (
    <div className={`flag ${flag.priority}`} data-testid="flag-summary">
      <p><strong>{m.flagged}</strong> · {m.priorityLine(m.priority[flag.priority])}</p>
      <p className="detail-text">{flag.reason}</p>
      <p className="muted">{m.byline(flag.flaggedBy.name, formatDate(flag.flaggedAt))}</p>
    </div>
  );
}
