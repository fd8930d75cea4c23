import { describe, expect, it } from 'vitest';
import type { ApiResult } from '@/lib/endpoint/api-error';
import { type BearerSource, sendWithBearer } from '@/lib/endpoint/bearer';

class Ended extends Error {}

/** A bearer source that hands out `tokens` in turn and counts renewals. */
function source(tokens: string[], options: { failCurrent?: Error; failRenew?: Error } = {}) {
  const renewed: string[] = [];
  const bearer: BearerSource = {
    current: async () => {
      if (options.failCurrent) throw options.failCurrent;
      return tokens[0]!;
    },
    renew: async (rejected) => {
      renewed.push(rejected);
      if (options.failRenew) throw options.failRenew;
      return tokens[1]!;
    },
    ended: (error) => error instanceof Ended,
  };
  return { bearer, renewed };
}

const okAnswer: ApiResult<string> = { ok: true, value: 'fine', etag: null, status: 200 };
const refused: ApiResult<string> = { ok: false, error: { kind: 'http', status: 401, problem: null, retryAfterMs: null } };

describe('sendWithBearer', () => {
  it('sends an API token as it is, never renewing it', async () => {
    const sent: string[] = [];
    expect(await sendWithBearer('api-token', async (t) => (sent.push(t), refused))).toBe(refused);
    expect(sent).toEqual(['api-token']);
  });

  it('after a 401, renews once and sends again with the new token', async () => {
    const { bearer, renewed } = source(['old', 'new']);
    const sent: string[] = [];
    const answer = await sendWithBearer(bearer, async (t) => (sent.push(t), t === 'old' ? refused : okAnswer));
    expect(answer).toBe(okAnswer);
    expect(sent).toEqual(['old', 'new']);
    expect(renewed).toEqual(['old']);
  });

  it('a second 401 is the answer (no loop)', async () => {
    const { bearer, renewed } = source(['old', 'new']);
    const sent: string[] = [];
    expect(await sendWithBearer(bearer, async (t) => (sent.push(t), refused))).toBe(refused);
    expect(sent).toEqual(['old', 'new']);
    expect(renewed).toHaveLength(1);
  });

  it('an ended session answers 401 without sending, so the caller holds writes for sign-in', async () => {
    const { bearer } = source([], { failCurrent: new Ended() });
    let sent = 0;
    const answer = await sendWithBearer(bearer, async () => (sent++, okAnswer));
    expect(sent).toBe(0);
    expect(answer).toMatchObject({ ok: false, error: { kind: 'http', status: 401 } });
  });

  it('a refused refresh after a 401 answers 401; a provider that cannot be reached is a network failure (retried later, not locked)', async () => {
    const ended = source(['old'], { failRenew: new Ended() });
    expect(await sendWithBearer(ended.bearer, async () => refused)).toMatchObject({ ok: false, error: { kind: 'http', status: 401 } });
    const down = source(['old'], { failRenew: new TypeError('Failed to fetch') });
    expect(await sendWithBearer(down.bearer, async () => refused)).toMatchObject({ ok: false, error: { kind: 'network' } });
    const downFirst = source([], { failCurrent: new TypeError('Failed to fetch') });
    expect(await sendWithBearer(downFirst.bearer, async () => okAnswer)).toMatchObject({ ok: false, error: { kind: 'network' } });
  });
});
