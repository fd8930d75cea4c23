import { ageOf } from '@/lib/format/dates';
import type { Freshness } from '@/lib/messaging/sidebar-view';
import { messages } from './messages';
import { ProblemDetails } from './ProblemDetails';

/** "Updated 2 min ago" / "Offline — from yesterday 16:05", and why the last check failed. */
export function FreshnessLine({ freshness, now }: { freshness: Freshness; now: number }) {
  const age = messages.age(ageOf(freshness.fetchedAt, now));
  return (
    <div className={`freshness ${freshness.state}`} role="status" data-testid="freshness">
      <span>{messages.header.freshness[freshness.state](age)}</span>
      {freshness.problem && <ProblemDetails problem={freshness.problem} />}
    </div>
  );
}
