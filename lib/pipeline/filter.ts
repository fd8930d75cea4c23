import type { BookIndex } from './book-index';
import type { NeedRow } from './need-row';

/** Age of a need since it was noticed, in the ranges BD asks about. */
export const AGE_BUCKETS = ['any', 'up-to-30', '31-90', '91-365', 'over-365'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

const AGE_RANGE: Record<AgeBucket, [number, number]> = {
  any: [0, Infinity],
  'up-to-30': [0, 30],
  '31-90': [31, 90],
  '91-365': [91, 365],
  'over-365': [366, Infinity],
};

/** What the board shows. `null` / empty means "any". */
export interface PipelineFilter {
  practiceArea: string | null;
  /** An owner key (see `ownerKeyOf`); `UNOWNED` ('') for needs nobody owns. */
  owner: string | null;
  /** Part of the client's name, any case. */
  client: string;
  age: AgeBucket;
}

export const NO_FILTER: PipelineFilter = { practiceArea: null, owner: null, client: '', age: 'any' };

/**
 * The ids of clients whose name contains `text` (any case), or null when there is no client filter.
 * Matching the 20,000 names once is cheaper than matching a name per need.
 */
export function clientsMatching(index: Pick<BookIndex, 'clientNames'>, text: string): Set<string> | null {
  const q = text.trim().toLowerCase();
  if (!q) return null;
  const ids = new Set<string>();
  for (const [id, name] of index.clientNames) if (name.includes(q)) ids.add(id);
  return ids;
}

/** The needs that pass every filter, in the index's order (newest first). One pass, no allocation per row. */
export function filterNeeds(
  index: Pick<BookIndex, 'needs' | 'clientNames'>,
  filter: PipelineFilter,
  /** `clientsMatching(index, filter.client)` when the caller has it already. */
  clients: Set<string> | null = clientsMatching(index, filter.client),
): NeedRow[] {
  const [minAge, maxAge] = AGE_RANGE[filter.age];
  const { practiceArea, owner } = filter;
  const out: NeedRow[] = [];
  for (const row of index.needs) {
    if (practiceArea !== null && row.practiceArea !== practiceArea) continue;
    if (owner !== null && row.ownerKey !== owner) continue;
    if (clients !== null && !clients.has(row.clientId)) continue;
    if (row.ageDays < minAge || row.ageDays > maxAge) continue;
    out.push(row);
  }
  return out;
}

/** True when any filter narrows the view. */
export function isFiltered(filter: PipelineFilter): boolean {
  return filter.practiceArea !== null || filter.owner !== null || filter.client.trim() !== '' || filter.age !== 'any';
}
