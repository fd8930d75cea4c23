const BASE_MS = 2_000;
const CAP_MS = 5 * 60_000;

/**
 * Delay before attempt `attempts + 1`: capped exponential back-off with full jitter, and never
 * sooner than the endpoint's `Retry-After`.
 */
export function nextRetryDelay(attempts: number, retryAfterMs: number | null, random: () => number = Math.random): number {
  const exponential = Math.min(CAP_MS, BASE_MS * 2 ** Math.min(attempts, 20));
  const jittered = Math.round(exponential / 2 + random() * (exponential / 2));
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, 60 * 60_000));
}
