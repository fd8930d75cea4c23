import { describe, expect, it } from 'vitest';
import { indexBook } from '@/lib/pipeline/book-index';
import { type AgeBucket, clientsMatching, filterNeeds, isFiltered, NO_FILTER } from '@/lib/pipeline/filter';
import { UNOWNED } from '@/lib/pipeline/need-row';
import { client, daysAgo, need, NOW } from './fixtures';

const book = {
  clients: [client('c-1', 'Northwind Logistics plc'), client('c-2', 'Harbor Biotech'), client('c-3', 'NORTHERN Rail')],
  secondments: [],
  flags: [],
  needs: [
    need({ id: 'a', clientId: 'c-1', practiceArea: 'Employment', identifiedAt: daysAgo(0) }),
    need({ id: 'b', clientId: 'c-2', practiceArea: 'Tax', identifiedAt: daysAgo(30), owner: { userId: 'u-2', name: 'Eleanor Marsh' } }),
    need({ id: 'c', clientId: 'c-3', practiceArea: 'Employment', identifiedAt: daysAgo(31), owner: { userId: 'u-3', name: 'Priya Shah' } }),
    need({ id: 'd', clientId: 'c-1', practiceArea: 'Tax', identifiedAt: daysAgo(90) }),
    need({ id: 'e', clientId: 'c-2', practiceArea: 'Employment', identifiedAt: daysAgo(91) }),
    need({ id: 'f', clientId: 'c-3', practiceArea: 'Tax', identifiedAt: daysAgo(365) }),
    need({ id: 'g', clientId: 'c-1', practiceArea: 'Employment', identifiedAt: daysAgo(366) }),
  ],
};
const index = indexBook(book, NOW);
const ids = (f: Partial<typeof NO_FILTER>) => filterNeeds(index, { ...NO_FILTER, ...f }).map((r) => r.id);

describe('filtering the board', () => {
  it('shows everything, newest first, without a filter', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(isFiltered(NO_FILTER)).toBe(false);
  });
  it('by practice area', () => expect(ids({ practiceArea: 'Tax' })).toEqual(['b', 'd', 'f']));
  it('by owner, and "nobody yet"', () => {
    expect(ids({ owner: 'u:u-2' })).toEqual(['b']);
    expect(ids({ owner: UNOWNED })).toEqual(['a', 'd', 'e', 'f', 'g']);
  });
  it('by part of a client name, in any case, ignoring spaces around it', () => {
    expect(ids({ client: '  north ' })).toEqual(['a', 'c', 'd', 'f', 'g']);
    expect(ids({ client: 'nobody' })).toEqual([]);
  });
  it.each<[AgeBucket, string[]]>([
    ['up-to-30', ['a', 'b']],
    ['31-90', ['c', 'd']],
    ['91-365', ['e', 'f']],
    ['over-365', ['g']],
  ])('by age since noticed: %s', (age, expected) => expect(ids({ age })).toEqual(expected));
  it('combines filters (all must hold)', () => expect(ids({ practiceArea: 'Employment', client: 'north', age: 'over-365' })).toEqual(['g']));
  it('offers the practice areas and owners there are, sorted', () => {
    expect(index.practiceAreas).toEqual(['Employment', 'Tax']);
    expect(index.owners).toEqual([{ key: 'u:u-2', name: 'Eleanor Marsh' }, { key: 'u:u-3', name: 'Priya Shah' }]);
    expect(index.hasUnowned).toBe(true);
  });
});

describe('the client filter’s precomputed match', () => {
  it('applies when passed in, even with the text left out of the filter (the chart’s call)', () => {
    const north = clientsMatching(index, 'north');
    expect(filterNeeds(index, NO_FILTER, north).map((r) => r.id)).toEqual(['a', 'c', 'd', 'f', 'g']);
    expect(north?.has('c-3')).toBe(true);
    expect(north?.has('c-2')).toBe(false);
    expect(north?.has('not-a-client')).toBe(false);
  });
  it('leaves out needs of clients not in the book when filtering by client', () => {
    const orphan = indexBook({ ...book, needs: [need({ id: 'z', clientId: 'gone' })] }, NOW);
    expect(filterNeeds(orphan, { ...NO_FILTER, client: 'gone' }).map((r) => r.id)).toEqual([]);
  });
});
