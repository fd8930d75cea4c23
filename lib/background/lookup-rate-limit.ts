import { abortableSleep } from './abortable-sleep';

/** Endpoint look-ups a tab may start at once, and how fast it earns another (one per REFILL_MS). */
const BURST = 10;
const REFILL_MS = 3_000;

/**
 * Per-tab token bucket for the endpoint look-ups a page's record reports start. The host page
 * decides what record it reports, and how often: without a limit, a page could drive unlimited
 * look-ups, fill the endpoint's rate limit for the user and push their real clients out of the
 * cache. Only what reaches the endpoint spends a token: a record answered from the local cache is
 * painted at once, and its revalidation waits here. Only endpoint answers write to the cache, so
 * the cache churns no faster than this budget either. A person switching records gets a burst of
 * ten revalidations and then one every three seconds, which no one reading a record notices.
 */
export class LookupRateLimit {
  private readonly buckets = new Map<number, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = Date.now, private readonly burst = BURST, private readonly refillMs = REFILL_MS) {}

  /** Takes a token for `tabId`: 0 when the look-up may start now, else how long until it may. */
  take(tabId: number): number {
    const bucket = this.refill(tabId);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) * this.refillMs);
  }

  /**
   * Waits until `tabId` may reach the endpoint, then takes its token: true. False, without a token
   * spent, when `signal` is aborted first (the tab moved on to another record while it waited).
   */
  async turn(tabId: number, signal: AbortSignal): Promise<boolean> {
    for (;;) {
      if (signal.aborted) return false;
      const wait = this.take(tabId);
      if (wait === 0) return true;
      if (!(await abortableSleep(wait, signal))) return false;
    }
  }

  forget(tabId: number): void {
    this.buckets.delete(tabId);
  }

  private refill(tabId: number) {
    const now = this.now();
    const bucket = this.buckets.get(tabId) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) / this.refillMs);
    bucket.at = now;
    this.buckets.set(tabId, bucket);
    return bucket;
  }
}
