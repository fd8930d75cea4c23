import { DAY_MS } from './book';
import type { NeedRow } from './need-row';

/** One practice area's bar pair: needs noticed and needs won in the window. */
export interface PracticeAreaBar {
  practiceArea: string;
  noticed: number;
  won: number;
}

/** The chart's window: the last 12 months. */
export const CHART_WINDOW_DAYS = 365;

/**
 * Per practice area, needs noticed in the last 12 months and needs won in them (won counted when
 * the status changed to won, or when noticed if the endpoint does not say). Most noticed first;
 * areas with neither are left out.
 */
export function practiceAreaBars(rows: readonly NeedRow[], now: number): PracticeAreaBar[] {
  const since = now - CHART_WINDOW_DAYS * DAY_MS;
  const bars = new Map<string, PracticeAreaBar>();
  const bar = (area: string) => {
    let b = bars.get(area);
    if (!b) bars.set(area, (b = { practiceArea: area, noticed: 0, won: 0 }));
    return b;
  };
  for (const row of rows) {
    if (row.identifiedAtMs >= since) bar(row.practiceArea).noticed++;
    if (row.status === 'won' && row.statusSinceMs >= since) bar(row.practiceArea).won++;
  }
  return [...bars.values()].sort((a, b) => b.noticed - a.noticed || b.won - a.won || (a.practiceArea < b.practiceArea ? -1 : 1));
}
