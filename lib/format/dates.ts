const DAY_MS = 86_400_000;

/**
 * How old cached data is, as a shape rather than words: the sidebar's messages module turns it into
 * "just now", "4 min ago", "yesterday 16:05"… so that every word stays translatable in one place.
 */
export type Age =
  | { kind: 'just-now' }
  | { kind: 'minutes'; minutes: number }
  | { kind: 'hours'; hours: number }
  | { kind: 'today'; time: string }
  | { kind: 'yesterday'; time: string }
  | { kind: 'earlier'; date: string; time: string };

export function ageOf(isoInstant: string, now: number, locale?: string): Age {
  const then = Date.parse(isoInstant);
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 45) return { kind: 'just-now' };
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return { kind: 'minutes', minutes };
  const hours = Math.round(minutes / 60);
  const time = formatTime(then, locale);
  if (hours < 12 && sameDay(then, now)) return { kind: 'hours', hours };
  if (sameDay(then, now)) return { kind: 'today', time };
  if (sameDay(then, now - DAY_MS)) return { kind: 'yesterday', time };
  return { kind: 'earlier', date: formatDate(isoInstant, locale), time };
}

/**
 * One Intl formatter per locale and shape, made once: `toLocaleDateString(locale, options)` builds a
 * new one on every call (~0.15 ms each), and the sidebar formats a few dozen dates per render.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(shape: 'time' | 'date', locale: string | undefined): Intl.DateTimeFormat {
  const key = `${shape}|${locale ?? ''}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, shape === 'time' ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short', year: 'numeric' });
    formatters.set(key, made);
  }
  return made;
}

/** A clock time as "16:05" (24-hour unless the locale says otherwise). */
export function formatTime(instant: number, locale?: string): string {
  return formatter('time', locale).format(new Date(instant));
}

/** A calendar date (`YYYY-MM-DD` or an instant) as "12 Mar 2026". */
export function formatDate(value: string, locale?: string): string {
  // Noon keeps a bare calendar day on the same day in every time zone.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return formatter('date', locale).format(date);
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
