import { daysUntil, formatDate } from '@/lib/format/dates';
import { messages } from './messages';

/** The next check-in; an overdue one stands out by colour, weight and a word (not colour alone). */
export function CheckInLine({ due, now }: { due: string; now: number }) {
  const m = messages.active;
  const days = daysUntil(due, now);
  if (days < 0) {
    return (
      <p className="overdue" data-testid="check-in">
        <span className="tag overdue-tag">{m.overdueTag}</span> {m.checkInOverdue(formatDate(due))}
      </p>
    );
  }
  return <p data-testid="check-in">{days === 0 ? m.checkInToday : m.checkInOn(formatDate(due))}</p>;
}
