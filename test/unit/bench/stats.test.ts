import { describe, expect, it } from 'vitest';
import { distribution, percentile, percentileInterval, ratioOfMediansInterval } from '../../../bench/stats';

describe('bench statistics', () => {
  it('takes percentiles by nearest rank, so every figure is a value that was measured', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(distribution([])).toEqual({ p50: Number.NaN, p95: Number.NaN, runs: 0 });
  });

  it('gives a ratio interval that holds 1 for two sets from the same spread, and not for sets 20 % apart', () => {
    const base = [40, 42, 43, 45, 46, 47, 48, 50, 52, 55, 58, 44, 46, 49, 51];
    const [lo, hi] = ratioOfMediansInterval(base.map((v) => v + (v % 3) - 1), base);
    expect(lo).toBeLessThan(1);
    expect(hi).toBeGreaterThan(1);
    const [slowLo, slowHi] = ratioOfMediansInterval(base.map((v) => v * 1.2), base);
    expect(slowLo).toBeGreaterThan(1.05);
    expect(slowHi).toBeLessThan(1.4);
    expect(slowLo).toBeLessThanOrEqual(1.2);
    expect(slowHi).toBeGreaterThanOrEqual(1.2);
  });

  it('gives the same interval for the same measurements, and none without them', () => {
    const a = [10, 12, 11, 13, 15, 9];
    const b = [10, 10, 11, 12, 9, 8];
    expect(ratioOfMediansInterval(a, b)).toEqual(ratioOfMediansInterval(a, b));
    expect(ratioOfMediansInterval([], b).every(Number.isNaN)).toBe(true);
  });

  it('gives a p95 interval around the measured p95 that narrows with more runs, and is one value for a constant set', () => {
    // Sixty "runs" from 1 to 60 ms: the p95 by nearest rank is 57.
    const runs = Array.from({ length: 60 }, (_, i) => i + 1);
    const [lo, hi] = percentileInterval(runs, 95);
    expect(lo).toBeLessThanOrEqual(57);
    expect(hi).toBeGreaterThanOrEqual(57);
    expect(lo).toBeGreaterThan(45);
    expect(hi).toBeLessThanOrEqual(60);
    // The same spread measured a third as often: an interval at least as wide.
    const [fewLo, fewHi] = percentileInterval(runs.filter((v) => v % 3 === 0), 95);
    expect(fewHi - fewLo).toBeGreaterThanOrEqual(hi - lo);
    expect(percentileInterval([7, 7, 7, 7], 95)).toEqual([7, 7]);
    expect(percentileInterval(runs, 95)).toEqual([lo, hi]);
    expect(percentileInterval([], 95).every(Number.isNaN)).toBe(true);
  });
});
