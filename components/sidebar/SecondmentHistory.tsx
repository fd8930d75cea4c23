import type { Secondment } from '@/lib/contract/secondment';
import { formatDate } from '@/lib/format/dates';
import { OBJECTIVES_MET_LABEL, SECONDMENT_STATUS_LABEL } from './labels';
import { Section } from './Section';

/** Past secondments in both directions, newest first, with their outcome. */
export function SecondmentHistory({ secondments }: { secondments: Secondment[] }) {
  const sorted = [...secondments].sort((a, b) => (b.actualEnd ?? b.plannedEnd).localeCompare(a.actualEnd ?? a.plannedEnd));
  return (
    <Section title="Secondment history" count={sorted.length} testId="history">
      {sorted.length === 0 && <p className="muted">No past secondments.</p>}
      <ol className="timeline">
        {sorted.map((s) => (
          <li key={s.id}>
            <p>
              <strong>{s.person.name}</strong> <span className="muted">{s.direction === 'outbound' ? 'to the client' : 'to the firm'}</span>
            </p>
            <p className="muted">
              {formatDate(s.plannedStart)} → {formatDate(s.actualEnd ?? s.plannedEnd)} · {SECONDMENT_STATUS_LABEL[s.status]}
            </p>
            {s.review && (
              <p>
                {OBJECTIVES_MET_LABEL[s.review.objectivesMet]}. {s.review.summary}
              </p>
            )}
          </li>
        ))}
      </ol>
    </Section>
  );
}
