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

/**
 * A 95 % interval for the ratio of two medians (`numerator`'s over `denominator`'s), by the
 * percentile bootstrap: both sets resampled with replacement `rounds` times. The random numbers
 * come from a fixed seed, so the same measurements always give the same interval. It says whether
 * a ratio goal is within what the runs can tell apart at all (a goal of 1.03 against an interval
 * of 0.95–1.20, say, is not).
 */
export function ratioOfMediansInterval(numerator: readonly number[], denominator: readonly number[], rounds = 2_000, seed = 1): [number, number] {
  if (numerator.length === 0 || denominator.length === 0) return [Number.NaN, Number.NaN];
  const resample = resampler(seed);
  const ratios: number[] = [];
  for (let i = 0; i < rounds; i++) ratios.push(percentile(resample(numerator), 50) / percentile(resample(denominator), 50));
  return [percentile(ratios, 2.5), percentile(ratios, 97.5)];
}

/**
 * A 95 % interval for the `p`th percentile of `values`, by the same seeded bootstrap. A p95 of 30
 * runs is the second-slowest run: this says how far it could move with another draw of the same
 * runs, and so whether a goal a few milliseconds off it is met, missed, or not told apart.
 */
export function percentileInterval(values: readonly number[], p: number, rounds = 2_000, seed = 1): [number, number] {
  if (values.length === 0) return [Number.NaN, Number.NaN];
  const resample = resampler(seed);
  const estimates: number[] = [];
  for (let i = 0; i < rounds; i++) estimates.push(percentile(resample(values), p));
  return [percentile(estimates, 2.5), percentile(estimates, 97.5)];
}

/** Draws of a set with replacement, as many as it has values, from one seeded sequence. */
function resampler(seed: number): (values: readonly number[]) => number[] {
  const random = mulberry32(seed);
  return (values) => Array.from({ length: values.length }, () => values[Math.floor(random() * values.length)]!);
}

/** A small seeded generator (mulberry32): enough for resampling, and the same sequence every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
