import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LookupRateLimit } from '@/lib/background/lookup-rate-limit';

// The per-tab budget of endpoint look-ups: a burst, then one per interval; a look-up given up while
// it waits spends nothing.

/** Whether `promise` has settled (given its few microtasks), and with what, without waiting for timers. */
async function settled<T>(promise: Promise<T>): Promise<{ value: T } | 'pending'> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  const marker = Symbol('pending');
  const result = await Promise.race([promise, Promise.resolve(marker)]);
  return result === marker ? 'pending' : { value: result as T };
}

describe('lookup rate limit: turn', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('is given at once while the burst lasts, then after one interval each', async () => {
    const limit = new LookupRateLimit(() => Date.now(), 2, 1_000);
    const signal = new AbortController().signal;
    expect(await limit.turn(1, signal)).toBe(true);
    expect(await limit.turn(1, signal)).toBe(true);
    const third = limit.turn(1, signal);
    await vi.advanceTimersByTimeAsync(999);
    expect(await settled(third)).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(third)).toEqual({ value: true });
    expect(await limit.turn(2, signal)).toBe(true); // another tab has its own budget
  });

  it('a turn given up while it waits resolves false at once and spends no token', async () => {
    const limit = new LookupRateLimit(() => Date.now(), 1, 1_000);
    const signal = new AbortController().signal;
    expect(await limit.turn(1, signal)).toBe(true);
    const gone = new AbortController();
    const waiting = limit.turn(1, gone.signal);
    await vi.advanceTimersByTimeAsync(500);
    gone.abort(); // the page moved on to another record
    expect(await settled(waiting)).toEqual({ value: false });
    await vi.advanceTimersByTimeAsync(500);
    expect(await settled(limit.turn(1, signal))).toEqual({ value: true }); // the token it did not spend
  });

  it('a look-up already given up takes no token', async () => {
    const limit = new LookupRateLimit(() => Date.now(), 1, 1_000);
    const gone = new AbortController();
    gone.abort();
    expect(await limit.turn(1, gone.signal)).toBe(false);
    expect(await limit.turn(1, new AbortController().signal)).toBe(true);
  });
});
