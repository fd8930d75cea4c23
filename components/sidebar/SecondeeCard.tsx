import type { Secondment } from '@/lib/contract/secondment';
import { daysUntil, formatDate } from '@/lib/format/dates';
import { CheckInLine } from './CheckInLine';
import { messages } from './messages';

/** One secondee: person, role, host team, mentor, dates, days left, next check-in, direction. */
export function SecondeeCard({ secondment: s, now }: { secondment: Secondment; now: number }) {
  const m = messages.active;
  return (
    <li className="card" data-secondment-id={s.id}>
      <p className="row spread">
        <strong>{s.person.name}</strong>
        <span className={`tag ${s.direction}`}>{m.direction[s.direction]}</span>
      </p>
      <p className="muted">
        {s.person.title}
        {s.hostTeam ? ` · ${m.hostTeam(s.direction, s.hostTeam)}` : ''}
      </p>
      {s.hostContact && <p>{m.mentor(s.hostContact.name, s.hostContact.title)}</p>}
      <p>
        {m.period(formatDate(s.plannedStart), formatDate(s.plannedEnd))}
        {' · '}
        {s.status === 'planned' ? m.planned : m.daysLeft(daysUntil(s.plannedEnd, now))}
      </p>
      {s.status === 'active' && s.checkIns.nextDue && <CheckInLine due={s.checkIns.nextDue} now={now} />}
    </li>
  );
}
