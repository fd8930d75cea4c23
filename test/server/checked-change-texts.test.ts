import { describe, expect, it } from 'vitest';
import { CheckedChangeTexts } from '../../server/store/checked-change-texts';

describe('CheckedChangeTexts', () => {
  it('answers yes only for the same row number and the very same text', () => {
    const texts = new CheckedChangeTexts();
    texts.remember(7, '{"id":"n-1","title":"A"}');
    expect(texts.passed(7, '{"id":"n-1","title":"A"}')).toBe(true);
    expect(texts.passed(7, '{"id":"n-1","title":"B"}')).toBe(false); // changed around the API, same seq
    expect(texts.passed(8, '{"id":"n-1","title":"A"}')).toBe(false);
  });

  it('keeps at most its bound in characters, forgetting the oldest first', () => {
    const texts = new CheckedChangeTexts(25);
    texts.remember(1, 'a'.repeat(10));
    texts.remember(2, 'b'.repeat(10));
    texts.remember(3, 'c'.repeat(10)); // 30 > 25: row 1 goes
    expect([texts.passed(1, 'a'.repeat(10)), texts.passed(2, 'b'.repeat(10)), texts.passed(3, 'c'.repeat(10))]).toEqual([false, true, true]);
    texts.remember(2, 'B'.repeat(20)); // replaces row 2's text: 30 > 25, row 3 (now the oldest) goes
    expect(texts.size).toBe(1);
    expect(texts.passed(2, 'B'.repeat(20))).toBe(true);
    texts.remember(4, 'd'.repeat(40)); // larger than the bound on its own: nothing is kept
    expect(texts.size).toBe(0);
  });
});
