import type { Need, NeedStatus } from '@/lib/contract/need';

export type NeedFilter = 'open' | 'all' | NeedStatus;

const OPEN = new Set<NeedStatus>(['new', 'qualified', 'pursuing']);

/** Still in the pipeline (not won, not declined). */
export const isOpenNeed = (need: Need) => OPEN.has(need.status);

/** The needs a filter shows, newest first. */
export function filterNeeds(needs: Need[], filter: NeedFilter): Need[] {
  return needs
    .filter((n) => (filter === 'all' ? true : filter === 'open' ? isOpenNeed(n) : n.status === filter))
    .sort((a, b) => b.identifiedAt.localeCompare(a.identifiedAt));
}
