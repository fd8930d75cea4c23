import type { Need, NeedStatus } from '@/lib/contract/need';

export type NeedFilter = 'open' | 'all' | NeedStatus;

const OPEN = new Set<NeedStatus>(['new', 'qualified', 'pursuing']);

/**
 * Needs listed at first, and how many more each "Show more" adds: a firm's largest clients carry
 * hundreds, and rendering every one delays the sidebar's paint by tens of milliseconds a hundred
 * (docs/BENCHMARKS.md) for a list nobody reads to the end in a 380 px column.
 */
export const NEEDS_SHOWN_AT_FIRST = 25;
export const NEEDS_MORE_STEP = 50;

/** Still in the pipeline (not won, not declined). */
export const isOpenNeed = (need: Need) => OPEN.has(need.status);

/** The needs a filter shows, newest first. */
export function filterNeeds(needs: Need[], filter: NeedFilter): Need[] {
  return needs
    .filter((n) => (filter === 'all' ? true : filter === 'open' ? isOpenNeed(n) : n.status === filter))
    .sort((a, b) => b.identifiedAt.localeCompare(a.identifiedAt));
}
