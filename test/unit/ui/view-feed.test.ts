import { describe, expect, it } from 'vitest';
import { ViewFeed } from '@/lib/ui/view-feed';
import { readyView } from '../components/fixtures';

// The sidebar's latest view, held before React renders: whatever arrived first is what React reads.

describe('view feed', () => {
  it('keeps the latest view from before anyone listens, and tells listeners of each one after', () => {
    const feed = new ViewFeed();
    expect(feed.current().view).toBeNull();
    const early = readyView();
    feed.push(early); // the port answered before React's first render
    expect(feed.current().view).toBe(early);

    let told = 0;
    const stop = feed.subscribe(() => told++);
    const before = feed.current();
    feed.push({ status: 'idle' });
    expect(told).toBe(1);
    expect(feed.current()).not.toBe(before); // a new snapshot, so React sees the change
    expect(feed.current().at).toBeGreaterThanOrEqual(before.at);
    stop();
    feed.push({ status: 'idle' });
    expect(told).toBe(1);
  });
});
