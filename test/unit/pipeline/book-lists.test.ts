import { describe, expect, it } from 'vitest';
import { indexBook } from '@/lib/pipeline/book-index';
import { client, daysAgo, flag, need, NOW, secondment } from './fixtures';

// NOW is 15 June 2026: "today" is 2026-06-15 in every time zone within ±11 h of UTC noon.
const book = {
  clients: [client('c-1', 'Acme'), client('c-2', 'Beta'), client('c-3', 'Quiet Co')],
  secondments: [
    secondment({ id: 'ends-today', clientId: 'c-1', plannedEnd: '2026-06-15' }),
    secondment({ id: 'ends-60', clientId: 'c-2', plannedEnd: '2026-08-14' }),
    secondment({ id: 'ends-61', clientId: 'c-2', plannedEnd: '2026-08-15' }),
    secondment({ id: 'ended-early', clientId: 'c-1', plannedEnd: '2026-07-01', actualEnd: '2026-05-01', status: 'ended-early' }),
    secondment({ id: 'planned', clientId: 'c-1', plannedEnd: '2026-07-01', status: 'planned' }),
    secondment({ id: 'overdue-3', clientId: 'c-1', direction: 'reverse', checkIns: { last: null, nextDue: '2026-06-12' } }),
    secondment({ id: 'due-today', clientId: 'c-2', checkIns: { last: null, nextDue: '2026-06-15' } }),
    secondment({ id: 'overdue-30', clientId: 'c-2', checkIns: { last: null, nextDue: '2026-05-16' } }),
  ],
  needs: [need({ clientId: 'c-1', status: 'won' }), need({ clientId: 'c-1' }), need({ clientId: 'c-2' })],
  flags: [
    flag({ clientId: 'c-1', priority: 'low' }),
    flag({ clientId: 'c-2', priority: 'high', flaggedAt: daysAgo(20) }),
    flag({ clientId: 'c-3', priority: 'high', flaggedAt: daysAgo(1), reason: 'New GC', flaggedBy: { userId: null, name: 'BD' } }),
  ],
};
const index = indexBook(book, NOW);

describe('what the page lists besides the board', () => {
  it('secondments ending in the next 60 days, today included, soonest first; only active ones', () => {
    expect(index.endingSoon.map((r) => [r.id, r.days])).toEqual([['ends-today', 0], ['ends-60', 60]]);
  });
  it('overdue check-ins, longest overdue first; one due today is not overdue', () => {
    expect(index.overdueCheckIns.map((r) => [r.id, r.days])).toEqual([['overdue-30', 30], ['overdue-3', 3]]);
  });
  it('candidate clients by priority, then most recently flagged, with reason and who flagged', () => {
    expect(index.candidates.map((c) => c.clientName)).toEqual(['Quiet Co', 'Beta', 'Acme']);
    expect(index.candidates[0]).toMatchObject({ reason: 'New GC', flaggedBy: 'BD', priority: 'high' });
  });
  it('each client’s relationship: secondments both ways, needs noticed and won; busiest first', () => {
    expect(index.relationships).toEqual([
      { clientId: 'c-1', clientName: 'Acme', clientOrdinal: 0, outbound: 3, reverse: 1, noticed: 2, won: 1 },
      { clientId: 'c-2', clientName: 'Beta', clientOrdinal: 1, outbound: 4, reverse: 0, noticed: 1, won: 0 },
      { clientId: 'c-3', clientName: 'Quiet Co', clientOrdinal: 2, outbound: 0, reverse: 0, noticed: 0, won: 0 },
    ]);
  });
});
