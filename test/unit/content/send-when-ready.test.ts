import { describe, expect, it } from 'vitest';
import { sendWhenReady } from '../../../lib/content/send-when-ready';

const notListening = () => new Error('Could not establish connection. Receiving end does not exist.');

describe('sendWhenReady', () => {
  it('retries while the background is not listening yet, then delivers once', async () => {
    let calls = 0;
    const answer = await sendWhenReady(async () => {
      calls++;
      if (calls < 3) throw notListening();
      return 'ok';
    });
    expect(answer).toBe('ok');
    expect(calls).toBe(3);
  });

  it('gives up after its tries, and never retries a report the page has replaced', async () => {
    let calls = 0;
    await expect(sendWhenReady(async () => { calls++; throw notListening(); }, () => true, 3)).rejects.toThrow(/Receiving end/);
    expect(calls).toBe(3);
    calls = 0;
    await expect(sendWhenReady(async () => { calls++; throw notListening(); }, () => false)).rejects.toThrow();
    expect(calls).toBe(1);
  });
});
