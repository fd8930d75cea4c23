import type { PipelineBook } from './book';
import { compareText, localIsoDay } from './book';
import { type CandidateRow, rankCandidates } from './candidates';
import { type NeedRow, needRowFrom, newestFirst, UNOWNED } from './need-row';
import { type ProjectedBook, projectRows } from './projection';
import { type RelationshipLine, relationshipLines } from './relationships';
import { endingSoon, overdueCheckIns, type SecondmentWatchRow } from './secondment-watch';

/** An owner the board can filter by. */
export interface OwnerOption {
  key: string;
  name: string;
}

/**
 * Everything the page shows, computed once when the book is read (a few hundred ms at 50,000 needs,
 * done before the first paint of the board): each later filter change is then one pass over flat
 * rows, well under a frame.
 */
export interface BookIndex {
  now: number;
  /** Today's calendar day, `YYYY-MM-DD`. */
  today: string;
  clientCount: number;
  /** Every need, newest first (filtering keeps this order). */
  needs: NeedRow[];
  /** Every client's name, lower-cased, in book order (a need's `clientOrdinal` points here): the client filter. */
  clientNamesLower: string[];
  /** Client id → its place in `clientNamesLower`. */
  clientOrdinals: Map<string, number>;
  practiceAreas: string[];
  owners: OwnerOption[];
  /** True when some needs have no owner (then "Unowned" is offered as a filter). */
  hasUnowned: boolean;
  candidates: CandidateRow[];
  endingSoon: SecondmentWatchRow[];
  overdueCheckIns: SecondmentWatchRow[];
  relationships: RelationshipLine[];
}

/** How far ahead "ending soon" looks (reintegration and renewal conversations; issue 11). */
export const ENDING_WITHIN_DAYS = 60;

/** The index of the book as the cache holds it (the page's reading when there is no projection yet). */
export function indexBook(book: PipelineBook, now: number): BookIndex {
  return indexProjection(projectRows(book), now);
}

/** The index of the book as the background's projection holds it (see projection.ts). */
export function indexProjection(book: ProjectedBook, now: number): BookIndex {
  const clientOrdinals = new Map<string, number>();
  for (let i = 0; i < book.clients.length; i++) clientOrdinals.set(book.clients[i]!.id, i);
  const needs = book.needs.map((n) => {
    const ordinal = clientOrdinals.get(n.clientId) ?? -1;
    return needRowFrom(n, ordinal < 0 ? undefined : book.clients[ordinal]!.name, now, ordinal);
  });
  needs.sort(newestFirst); // each chunk is stored in this order: a merge of runs

  const areas = new Set<string>();
  const owners = new Map<string, string>();
  let hasUnowned = false;
  for (const row of needs) {
    areas.add(row.practiceArea);
    if (row.ownerKey === UNOWNED) hasUnowned = true;
    else if (row.ownerName !== null) owners.set(row.ownerKey, row.ownerName);
  }
  const today = localIsoDay(now);
  const nameOf = (id: string) => {
    const ordinal = clientOrdinals.get(id);
    return ordinal === undefined ? id : book.clients[ordinal]!.name;
  };
  return {
    now,
    today,
    clientCount: book.clients.length,
    needs,
    clientNamesLower: book.clients.map((c) => c.name.toLowerCase()),
    clientOrdinals,
    practiceAreas: [...areas].sort(compareText),
    owners: [...owners].map(([key, name]) => ({ key, name })).sort((a, b) => compareText(a.name, b.name)),
    hasUnowned,
    candidates: rankCandidates(book.flags, nameOf),
    endingSoon: endingSoon(book.secondments, today, ENDING_WITHIN_DAYS, nameOf),
    overdueCheckIns: overdueCheckIns(book.secondments, today, nameOf),
    relationships: relationshipLines(book.clients, book.secondments, needs),
  };
}
