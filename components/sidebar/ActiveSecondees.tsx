import type { Secondment } from '@/lib/contract/secondment';
import { messages } from './messages';
import { SecondeeCard } from './SecondeeCard';
import { Section } from './Section';

/** Who is seconded there now (and who is about to be), in both directions. */
export function ActiveSecondees({ secondments, now }: { secondments: Secondment[]; now: number }) {
  return (
    <Section title={messages.active.title} count={secondments.filter((s) => s.status === 'active').length} testId="active-secondees">
      {secondments.length === 0 && <p className="muted">{messages.active.none}</p>}
      <ul className="cards">
        {secondments.map((s) => <SecondeeCard key={s.id} secondment={s} now={now} />)}
      </ul>
    </Section>
  );
}
