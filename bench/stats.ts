/** Median and 95th percentile of a set of runs, and how many runs they come from. */
export type Distribution = { p50: number; p95: number; runs: number };

/** Nearest-rank percentile (no interpolation: every figure is a value that was measured). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function distribution(values: readonly number[]): Distribution {
  return { p50: percentile(values, 50), p95: percentile(values, 95), runs: values.length };
}
