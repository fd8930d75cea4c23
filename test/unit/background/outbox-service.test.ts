import { describe, expect, it, vi } from 'vitest';
import type { ActiveSession } from '@/lib/background/active-session';
import { OutboxService } from '@/lib/background/outbox-service';
import { openLensDb } from '@/lib/cache/lens-db';
import type { FlushOptions } from '@/lib/sync/outbox-flusher';

// One flush at a time: a flush asked for while one runs comes after it, with what was asked.

const flushed: FlushOptions[] = [];
let release: () => void = () => undefined;
vi.mock('@/lib/sync/outbox-flusher', () => ({
  flushOutbox: vi.fn(async (_db: unknown, _api: unknown, options: FlushOptions) => {
    flushed.push(options);
    if (flushed.length === 1) await new Promise<void>((resolve) => (release = resolve)); // the first one is slow
    return { signInRequired: false, nextAttemptAt: null, touchedClients: new Set() };
  }),
}));

describe('outbox service', () => {
  it('"Try now" pressed while a flush runs is kept for the flush after it, not turned into one that waits out the back-off', async () => {
    const db = await openLensDb(`lens-test-outbox-service-${Math.random().toString(36).slice(2)}`);
    const sessions = { get: async () => ({ db, api: {} }) } as unknown as ActiveSession;
    const outbox = new OutboxService(sessions, async () => undefined);
    const first = outbox.flush(); // e.g. the one a write started
    await vi.waitFor(() => expect(flushed).toHaveLength(1));
    void outbox.flush({ retryNow: 'unreachable' }); // a read succeeded meanwhile
    void outbox.flush({ retryNow: 'all' }); // the user pressed "Try now"
    void outbox.flush(); // another write
    release();
    await first;
    await vi.waitFor(() => expect(flushed).toHaveLength(2));
    expect(flushed[1]?.retryNow).toBe('all');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(flushed).toHaveLength(2); // the three asked meanwhile are one flush
  });
});
