/**
 * How many changes book sync asks for per page. The endpoint caps an answer in bytes, not in
 * changes (a client with 500 mapped records is far bigger than a flag), so the size adapts: it
 * starts below the contract's maximum, halves on an oversize answer, and grows back slowly after
 * a run of pages that fitted (growing after every page would ping-pong around the limit, fetching
 * an oversize answer every other page).
 */
export const PAGE_SIZE = { start: 1_000, min: 1, max: 5_000 } as const;
/** Pages in a row that must fit before the size grows again. */
export const GROW_AFTER_PAGES = 4;

export function shrinkPageSize(size: number): number {
  return Math.max(PAGE_SIZE.min, Math.floor(size / 2));
}

export function growPageSize(size: number): number {
  return Math.min(PAGE_SIZE.max, Math.ceil(size * 1.5));
}
