import { describe, expect, it } from 'vitest';
import { CheckedChangeTexts } from '../../server/store/checked-change-texts';

describe('CheckedChangeTexts', () => {
  it('answers yes only for the same row and the very same text', () => {
    const texts = new CheckedChangeTexts();
    texts.remember('need:n-1', '{"id":"n-1","title":"A"}');
    expect(texts.passed('need:n-1', '{"id":"n-1","title":"A"}')).toBe(true);
    expect(texts.passed('need:n-1', '{"id":"n-1","title":"B"}')).toBe(false); // changed around the API
    expect(texts.passed('need:n-2', '{"id":"n-1","title":"A"}')).toBe(false);
    texts.remember('need:n-1', '{"id":"n-1","title":"B"}'); // rewritten: replaces its own entry
    expect([texts.size, texts.passed('need:n-1', '{"id":"n-1","title":"B"}')]).toEqual([1, true]);
  });

  it('keeps at most its bound in characters: when full it adds nothing, so what it holds stays useful', () => {
    const texts = new CheckedChangeTexts(25);
    texts.remember('a', 'a'.repeat(10));
    texts.remember('b', 'b'.repeat(10));
    texts.remember('c', 'c'.repeat(10)); // 30 > 25: not added
    expect([texts.passed('a', 'a'.repeat(10)), texts.passed('b', 'b'.repeat(10)), texts.passed('c', 'c'.repeat(10))]).toEqual([true, true, false]);
    // A book read again in the same order keeps hitting its first rows.
    texts.remember('c', 'c'.repeat(10));
    expect(texts.passed('a', 'a'.repeat(10))).toBe(true);
    texts.remember('b', 'B'.repeat(20)); // rewritten past the bound: its old entry goes, the new is not kept
    expect([texts.size, texts.passed('b', 'b'.repeat(10)), texts.passed('b', 'B'.repeat(20))]).toEqual([1, false, false]);
    texts.remember('b', 'B'.repeat(15)); // fits again
    expect(texts.passed('b', 'B'.repeat(15))).toBe(true);
  });
});
