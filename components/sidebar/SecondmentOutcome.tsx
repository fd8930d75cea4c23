import type { Secondment } from '@/lib/contract/secondment';
import { messages } from './messages';

/** The review's verdict and summary; without a review, how many objectives were met. */
export function SecondmentOutcome({ secondment: s }: { secondment: Secondment }) {
  const m = messages.history;
  if (s.review) {
    const verdict = m.objectivesMet[s.review.objectivesMet];
    // Reviews often open with the verdict already; say it once.
    const summary = s.review.summary.toLowerCase().startsWith(verdict.toLowerCase()) ? s.review.summary.slice(verdict.length).replace(/^[.:;,\s]+/, '') : s.review.summary;
    return (
      <p className="outcome">
        <strong>{verdict}.</strong> {summary}
      </p>
    );
  }
  const counted = s.objectives.filter((o) => o.status !== 'dropped');
  if (counted.length === 0) return <p className="muted">{m.noReview}</p>;
  return <p className="outcome">{m.objectivesCount(counted.filter((o) => o.status === 'met').length, counted.length)}</p>;
}
