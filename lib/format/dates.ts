const DAY_MS = 86_400_000;

/** "just now", "4 min ago", "3 h ago", "yesterday 16:05", "12 Mar 16:05": how old cached data is. */
export function describeAge(isoInstant: string, now: number, locale?: string): string {
  const then = Date.parse(isoInstant);
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  const time = new Date(then).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (hours < 12 && sameDay(then, now)) return `${hours} h ago`;
  if (sameDay(then, now)) return `today ${time}`;
  if (sameDay(then, now - DAY_MS)) return `yesterday ${time}`;
  return `${formatDate(isoInstant, locale)} ${time}`;
}

/** A calendar date (`YYYY-MM-DD` or an instant) as "12 Mar 2026". */
export function formatDate(value: string, locale?: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return date.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** Whole days from today to a calendar date; negative when it has passed. */
export function daysUntil(isoDate: string, now: number): number {
  const target = Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10));
  const today = new Date(now);
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((target - todayUtc) / DAY_MS);
}

function sameDay(a: number, b: number): boolean {
  const x = new Date(a);
  const y = new Date(b);
  return x.getFullYear() === y.getFullYear() && x.getMonth() === y.getMonth() && x.getDate() === y.getDate();
}
