import type { CandidateFlag, FlagPriority } from '../contract/candidate-flag';
import { compareText } from './book';

/** A client BD flagged as a secondment candidate, as the page lists it. */
export interface CandidateRow {
  clientId: string;
  clientName: string;
  priority: FlagPriority;
  reason: string;
  flaggedBy: string;
  flaggedAtMs: number;
}

/** What the page reads of a flag (a full `CandidateFlag` is one; so is the projection's). */
export type FlagFacts = Pick<CandidateFlag, 'clientId' | 'priority' | 'reason' | 'flaggedAt'> & { flaggedBy: Pick<CandidateFlag['flaggedBy'], 'name'> };

const RANK: Record<FlagPriority, number> = { high: 0, medium: 1, low: 2 };

/** Highest priority first; within a priority, the most recently flagged first. */
export function rankCandidates(flags: readonly FlagFacts[], nameOf: (clientId: string) => string): CandidateRow[] {
  return flags
    .map((f) => ({
      clientId: f.clientId,
      clientName: nameOf(f.clientId),
      priority: f.priority,
      reason: f.reason,
      flaggedBy: f.flaggedBy.name,
      flaggedAtMs: Date.parse(f.flaggedAt),
    }))
    .sort((a, b) => RANK[a.priority] - RANK[b.priority] || b.flaggedAtMs - a.flaggedAtMs || compareText(a.clientName, b.clientName));
}
