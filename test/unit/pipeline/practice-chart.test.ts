import { describe, expect, it } from 'vitest';
import { toNeedRow } from '@/lib/pipeline/need-row';
import { practiceAreaBars } from '@/lib/pipeline/practice-chart';
import { daysAgo, need, NOW } from './fixtures';

const row = (over: Parameters<typeof need>[0]) => toNeedRow(need(over), undefined, NOW);

describe('noticed vs won per practice area, last 12 months', () => {
  it('counts needs noticed in the window and needs won in it, most noticed first', () => {
    const bars = practiceAreaBars([
      row({ practiceArea: 'Tax', identifiedAt: daysAgo(10) }),
      row({ practiceArea: 'Tax', identifiedAt: daysAgo(364), status: 'won', statusChangedAt: daysAgo(2) }),
      row({ practiceArea: 'Employment', identifiedAt: daysAgo(100), status: 'won' }),
      row({ practiceArea: 'Tax', identifiedAt: daysAgo(366) }), // before the window
    ], NOW);
    expect(bars).toEqual([
      { practiceArea: 'Tax', noticed: 2, won: 1 },
      { practiceArea: 'Employment', noticed: 1, won: 1 },
    ]);
  });
  it('counts a win in the window for a need noticed before it (won when the status changed)', () => {
    expect(practiceAreaBars([row({ practiceArea: 'Pensions', identifiedAt: daysAgo(500), status: 'won', statusChangedAt: daysAgo(30) })], NOW))
      .toEqual([{ practiceArea: 'Pensions', noticed: 0, won: 1 }]);
  });
  it('leaves out areas with nothing in the window', () => {
    expect(practiceAreaBars([row({ identifiedAt: daysAgo(400), status: 'won', statusChangedAt: daysAgo(380) })], NOW)).toEqual([]);
  });
});
