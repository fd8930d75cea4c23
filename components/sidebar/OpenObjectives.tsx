import type { Secondment } from '@/lib/contract/secondment';
import { messages } from './messages';
import { Section } from './Section';

const OPEN = new Set(['open', 'in-progress']);

/** The objectives still open on the current secondments, grouped by secondment, with their status. */
export function OpenObjectives({ secondments }: { secondments: Secondment[] }) {
  const m = messages.objectives;
  const groups = secondments
    .map((s) => ({ secondment: s, objectives: s.objectives.filter((o) => OPEN.has(o.status)) }))
    .filter((g) => g.objectives.length > 0);
  const total = groups.reduce((n, g) => n + g.objectives.length, 0);
  return (
    <Section title={m.title} count={total} testId="open-objectives">
      {groups.length === 0 && <p className="muted">{m.none}</p>}
      {groups.map(({ secondment, objectives }) => (
        <div key={secondment.id} className="group">
          <h3>{m.groupTitle(secondment.person.name, secondment.direction)}</h3>
          <ul className="plain objectives">
            {objectives.map((o) => (
              <li key={o.id}>
                <span className={`status ${o.status}`}>{m.status[o.status]}</span> {o.description}{' '}
                <span className="muted">· {m.category[o.category]}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Section>
  );
}
