import { describe, expect, it } from 'vitest';
import { messages } from '@/components/sidebar/messages';
import { ageOf, daysUntil, formatDate, formatTime } from '@/lib/format/dates';

const NOW = new Date(2026, 5, 11, 14, 30).getTime();
const describeAge = (instant: Date) => messages.age(ageOf(instant.toISOString(), NOW));

describe('ages and days', () => {
  it('words an age from seconds to days ago', () => {
    expect(describeAge(new Date(2026, 5, 11, 14, 29, 40))).toBe('just now');
    expect(describeAge(new Date(2026, 5, 11, 14, 28))).toBe('2 min ago');
    expect(describeAge(new Date(2026, 5, 11, 11, 30))).toBe('3 h ago');
    expect(describeAge(new Date(2026, 5, 10, 16, 5))).toBe(`yesterday ${formatTime(new Date(2026, 5, 10, 16, 5).getTime())}`);
    expect(describeAge(new Date(2026, 5, 1, 9, 0))).toMatch(/2026 .*9:00/);
  });

  it('an instant in the future (clock skew) reads as just now, never negative', () => {
    expect(describeAge(new Date(2026, 5, 11, 14, 35))).toBe('just now');
  });

  it('counts whole calendar days to a date', () => {
    expect(daysUntil('2026-06-11', NOW)).toBe(0);
    expect(daysUntil('2026-06-12', NOW)).toBe(1);
    expect(daysUntil('2026-06-01', NOW)).toBe(-10);
    expect(messages.active.daysLeft(1)).toBe('1 day left');
    expect(messages.active.daysLeft(0)).toBe('ends today');
    expect(messages.active.daysLeft(-1)).toBe('ended 1 day ago');
  });

  it('formats with formatters made once per locale, exactly as toLocale*String would', () => {
    const at = new Date(2026, 2, 12, 16, 5);
    for (const locale of [undefined, 'en-GB', 'en-US', 'de-DE', 'en-GB']) {
      expect(formatTime(at.getTime(), locale)).toBe(at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' }));
      expect(formatDate('2026-03-12', locale)).toBe(new Date('2026-03-12T12:00:00').toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' }));
    }
  });
});
