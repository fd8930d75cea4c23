import type { Secondment } from '@/lib/contract/secondment';
import { messages } from './messages';
import { SecondeeCard } from './SecondeeCard';
import { Section } from './Section';

/** Who is seconded there now, in both directions; the count is the number of cards shown. */
export function ActiveSecondees({ secondments, now }: { secondments: Secondment[]; now: number }) {
  return (
    <Section title={messages.active.title} count={secondments.length} testId="active-secondees">
      {secondments.length === 0 && <p className="muted">{messages.active.none}</p>}
      <ul className="cards">
        {secondments.map((s) => <SecondeeCard key={s.id} secondment={s} now={now} />)}
      </ul>
    </Section>
  );
}

/** Placements planned but not started: under their own heading, not counted among the active. */
export function StartingSoon({ secondments, now }: { secondments: Secondment[]; now: number }) {
  if (secondments.length === 0) return null;
  return (
    <Section title={messages.startingSoon.title} count={secondments.length} testId="starting-soon">
      <ul className="cards">
        {secondments.map((s) => <SecondeeCard key={s.id} secondment={s} now={now} />)}
      </ul>
    </Section>
  );
}
