import type { Secondment } from '@/lib/contract/secondment';
import { OBJECTIVE_CATEGORY_LABEL, OBJECTIVE_STATUS_LABEL } from './labels';
import { Section } from './Section';

const OPEN = new Set(['open', 'in-progress']);

/** The objectives still open on the current secondments, grouped by secondment. */
export function OpenObjectives({ secondments }: { secondments: Secondment[] }) {
  const groups = secondments
    .map((s) => ({ secondment: s, objectives: s.objectives.filter((o) => OPEN.has(o.status)) }))
    .filter((g) => g.objectives.length > 0);
  const total = groups.reduce((n, g) => n + g.objectives.length, 0);
  return (
    <Section title="Open objectives" count={total} testId="open-objectives">
      {groups.length === 0 && <p className="muted">No open objectives.</p>}
      {groups.map(({ secondment, objectives }) => (
        <div key={secondment.id} className="group">
          <h3>{secondment.person.name}</h3>
          <ul className="plain">
            {objectives.map((o) => (
              <li key={o.id}>
                <span className={`status ${o.status}`}>{OBJECTIVE_STATUS_LABEL[o.status]}</span> {o.description}{' '}
                <span className="muted">· {OBJECTIVE_CATEGORY_LABEL[o.category]}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Section>
  );
}
