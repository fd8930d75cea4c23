import { expect, it } from 'vitest';
import { collapsedFromAnswer, rulesFromAnswer } from '@/lib/content/rules-answer';

const good = { id: 'a', name: 'A', kind: 'matter', urlPattern: String.raw`^https://m\.firm\.example/(?<externalId>\d+)` };

it('takes the valid rules of a successful answer', () => {
  expect(rulesFromAnswer({ ok: true, value: { rules: [good] } })).toEqual([good]);
});

it('drops rules that fail the guard, one by one', () => {
  const hostless = { ...good, id: 'b', urlPattern: String.raw`^https://.*/(?<externalId>\d+)` };
  const badKind = { ...good, id: 'c', kind: 'person' };
  expect(rulesFromAnswer({ ok: true, value: { rules: [hostless, good, badKind, null, 'x'] } })).toEqual([good]);
});

it('gives no rules for a failure or anything not shaped like the answer', () => {
  for (const answer of [undefined, null, 'rules', { ok: false, error: { code: 'x', message: 'y' } }, { ok: true }, { ok: true, value: { rules: 'all' } }, { value: { rules: [good] } }]) {
    expect(rulesFromAnswer(answer)).toEqual([]);
  }
});

it('never takes more than 50 rules', () => {
  const many = Array.from({ length: 80 }, (_, i) => ({ ...good, id: `r${i}` }));
  expect(rulesFromAnswer({ ok: true, value: { rules: many } })).toHaveLength(50);
});

it('reads the collapsed systems of the same answer: known system names only', () => {
  expect(collapsedFromAnswer({ ok: true, value: { rules: [], collapsed: ['clio', 'generic'] } })).toEqual(['clio', 'generic']);
  expect(collapsedFromAnswer({ ok: true, value: { rules: [], collapsed: ['clio', 'constructor', 1, null, '<b>'] } })).toEqual(['clio']);
  for (const answer of [undefined, null, { ok: false, value: { collapsed: ['clio'] } }, { ok: true, value: { collapsed: 'clio' } }, { ok: true }]) {
    expect(collapsedFromAnswer(answer)).toEqual([]);
  }
});
