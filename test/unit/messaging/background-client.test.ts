import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { askBackground } from '@/lib/messaging/background-client';
import { StatusReport } from '@/lib/messaging/status-report';

// Pages receive the background's answers through one client that validates them (fail closed).

const STATUS: StatusReport = {
  endpointUrl: 'https://lens.firm.example',
  user: { id: 'u-1', name: 'Ada Park', email: 'ada@firm.example', role: 'lawyer' },
  signedOut: null,
  cachedClients: 3,
  outbox: { pending: 1, rejected: 0, needsSignIn: 0, delivered: 4 },
  sync: { state: 'done', startedAt: 1, finishedAt: 2, applied: 10, pages: 1, error: null, fetchMs: 1, applyMs: 1, quarantined: 0, nextAttemptAt: null },
  quarantined: 0,
};

function answerWith(answer: unknown) {
  browser.runtime.onMessage.addListener(() => Promise.resolve(answer));
}

describe('askBackground', () => {
  beforeEach(() => fakeBrowser.reset());

  it('passes a valid answer through, parsed by the schema', async () => {
    answerWith({ ok: true, value: STATUS });
    expect(await askBackground({ type: 'options.status' }, StatusReport)).toEqual({ ok: true, value: STATUS });
  });

  it('refuses a value that does not match the schema instead of casting it', async () => {
    answerWith({ ok: true, value: { ...STATUS, cachedClients: '3' } });
    const answer = await askBackground({ type: 'options.status' }, StatusReport);
    expect(answer).toEqual({ ok: false, error: { code: 'invalid-answer', message: 'The background’s answer was not understood.' } });
  });

  it('refuses an answer without the Result envelope', async () => {
    answerWith('yes');
    expect(await askBackground({ type: 'options.syncNow' })).toMatchObject({ ok: false, error: { code: 'invalid-answer' } });
  });

  it('hands a failure from the background on as it is', async () => {
    answerWith({ ok: false, error: { code: 'signed-out', message: 'Sign in first.' } });
    expect(await askBackground({ type: 'ui.searchClients', query: 'north' })).toEqual({ ok: false, error: { code: 'signed-out', message: 'Sign in first.' } });
  });

  it('turns an unreachable background into a failure, never a throw', async () => {
    // No listener: the fake rejects like a browser with no receiving end.
    const answer = await askBackground({ type: 'options.status' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'unreachable' } });
  });
});
