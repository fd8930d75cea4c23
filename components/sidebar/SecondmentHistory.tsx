import type { Secondment } from '@/lib/contract/secondment';
import { formatDate } from '@/lib/format/dates';
import { messages } from './messages';
import { SecondmentOutcome } from './SecondmentOutcome';
import { Section } from './Section';

/** Past secondments in both directions, newest first, with their outcome. */
export function SecondmentHistory({ secondments }: { secondments: Secondment[] }) {
  const m = messages.history;
  const sorted = [...secondments].sort((a, b) => (b.actualEnd ?? b.plannedEnd).localeCompare(a.actualEnd ?? a.plannedEnd));
  return (
    <Section title={m.title} count={sorted.length} testId="history">
      {sorted.length === 0 && <p className="muted">{m.none}</p>}
      <ol className="timeline">
        {sorted.map((s) => (
          <li key={s.id} className={s.status}>
            <p>
              <strong>{s.person.name}</strong> <span className="muted">{m.direction[s.direction]}</span>
            </p>
            <p className="muted">
              {formatDate(s.plannedStart)} → {formatDate(s.actualEnd ?? s.plannedEnd)} · {m.status[s.status]}
            </p>
            <SecondmentOutcome secondment={s} />
          </li>
        ))}
      </ol>
    </Section>
  );
}
