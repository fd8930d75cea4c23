import type { Secondment } from '@/lib/contract/secondment';
import { daysUntil, formatDate } from '@/lib/format/dates';
import { Section } from './Section';

/** Who is seconded there now (and who is about to be), with the dates and the next check-in. */
export function ActiveSecondees({ secondments, now }: { secondments: Secondment[]; now: number }) {
  return (
    <Section title="Active secondees" count={secondments.filter((s) => s.status === 'active').length} testId="active-secondees">
      {secondments.length === 0 && <p className="muted">Nobody is seconded to or from this client now.</p>}
      <ul className="cards">
        {secondments.map((s) => (
          <li key={s.id} className="card">
            <p className="row spread">
              <strong>{s.person.name}</strong>
              <span className={`tag ${s.direction}`}>{s.direction === 'outbound' ? 'Secondment' : 'Reverse secondment'}</span>
            </p>
            <p className="muted">
              {s.person.title}
              {s.hostTeam ? ` · ${s.direction === 'outbound' ? 'with' : 'from'} ${s.hostTeam}` : ''}
            </p>
            {s.hostContact && <p>Mentor: {s.hostContact.name}{s.hostContact.title ? `, ${s.hostContact.title}` : ''}</p>}
            <p>
              {formatDate(s.plannedStart)} → {formatDate(s.plannedEnd)}
              {s.status === 'planned' ? ' · planned' : ` · ${daysLeft(s.plannedEnd, now)}`}
            </p>
            {s.checkIns.nextDue && <CheckIn due={s.checkIns.nextDue} now={now} />}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function daysLeft(end: string, now: number): string {
  const days = daysUntil(end, now);
  if (days < 0) return `ended ${-days} days ago`;
  return days === 1 ? '1 day left' : `${days} days left`;
}

function CheckIn({ due, now }: { due: string; now: number }) {
  const days = daysUntil(due, now);
  if (days < 0) return <p className="overdue">Check-in overdue since {formatDate(due)}</p>;
  return <p>Next check-in {days === 0 ? 'today' : formatDate(due)}</p>;
}
