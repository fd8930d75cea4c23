import { useId, useState } from 'react';
import type { ObjectiveStatus, Secondment } from '@/lib/contract/secondment';
import { daysUntil, formatDate } from '@/lib/format/dates';
import { CheckInLine } from './CheckInLine';
import { messages } from './messages';
import { Section } from './Section';

const OBJECTIVE_STATUSES: ObjectiveStatus[] = ['open', 'in-progress', 'met', 'not-met', 'dropped'];

/**
 * A secondee on their host client's record sees their own placement first: days left (or until it
 * starts), the next check-in, their objectives with their status to keep up to date, a check-in to
 * record, and "log a need" with this placement already chosen.
 */
export function MyPlacement({ secondment: s, now, busy, onCheckIn, onObjective, onLogNeed }: {
  secondment: Secondment; now: number; busy: boolean;
  onCheckIn: (checkIn: { date: string; note: string }) => Promise<boolean>;
  onObjective: (objective: { id: string; description: string }, status: ObjectiveStatus) => void;
  onLogNeed: () => void;
}) {
  const m = messages.programme;
  const today = new Date(now).toISOString().slice(0, 10);
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const dateId = useId();
  const noteId = useId();
  const errorId = useId();
  const running = s.status === 'active';
  return (
    <Section title={m.title} testId="my-placement">
      <p>
        {messages.active.period(formatDate(s.plannedStart), formatDate(s.plannedEnd))}
        {' · '}
        {running ? messages.active.daysLeft(daysUntil(s.plannedEnd, now)) : m.startsIn(daysUntil(s.plannedStart, now))}
      </p>
      {s.hostContact && <p>{messages.active.mentor(s.hostContact.name, s.hostContact.title)}</p>}
      {s.checkIns.nextDue && <CheckInLine due={s.checkIns.nextDue} now={now} />}
      <h3>{m.objectivesTitle}</h3>
      {s.objectives.length === 0 && <p className="muted">{m.noObjectives}</p>}
      <ul className="plain objectives">
        {s.objectives.map((o) => (
          <li key={o.id} className="row spread">
            <span>{o.description} <span className="muted">· {messages.objectives.category[o.category]}</span></span>
            <label className="visually-hidden" htmlFor={`${dateId}-${o.id}`}>{m.objectiveStatus(o.description)}</label>
            <select id={`${dateId}-${o.id}`} value={o.status} disabled={busy || !s.version} onChange={(e) => onObjective(o, e.target.value as ObjectiveStatus)}>
              {OBJECTIVE_STATUSES.map((st) => <option key={st} value={st}>{messages.objectives.status[st]}</option>)}
            </select>
          </li>
        ))}
      </ul>
      {running && (
        <form className="check-in-form" aria-label={m.checkInTitle} onSubmit={async (e) => {
          e.preventDefault();
          if (date > today) {
            setError(m.checkInFuture);
            return;
          }
          setError(null);
          const done = await onCheckIn({ date, note: note.trim() });
          if (done) {
            setNote('');
            setSaved(true);
          }
        }}>
          <h3>{m.checkInTitle}</h3>
          <label htmlFor={dateId}>{m.checkInDate}</label>
          <input id={dateId} type="date" value={date} max={today} onChange={(e) => { setDate(e.target.value); setSaved(false); }}
            aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
          {error && <p id={errorId} className="field-error">{error}</p>}
          <label htmlFor={noteId}>{m.checkInNote}</label>
          <textarea id={noteId} value={note} maxLength={2000} rows={2} onChange={(e) => { setNote(e.target.value); setSaved(false); }} />
          <button type="submit" disabled={busy}>{m.checkInSave}</button>
          {saved && <p role="status">{m.checkInSaved}</p>}
        </form>
      )}
      <button type="button" onClick={onLogNeed}>{m.logNeedHere}</button>
    </Section>
  );
}
