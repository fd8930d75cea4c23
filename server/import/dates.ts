import { z } from 'zod';

/** `--date-format`: how the file writes dates that are not ISO. Never guessed from the data. */
export const DATE_FORMATS = ['DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD'] as const;
export const DateFormat = z.enum(DATE_FORMATS);
export type DateFormat = z.infer<typeof DateFormat>;

export type DateContext = {
  dateFormat?: DateFormat;
  /** Only a workbook stores dates as serial numbers; in a CSV, 46054 is not a date. */
  source: 'csv' | 'xlsx';
};

export type DateResult = { ok: true; date: string | null } | { ok: false; reason: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/;
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;

/** Excel's 1900 date system counts 1900-02-29, which never was: serial 61 is 1900-03-01. */
const FIRST_SAFE_SERIAL = 61;
const LAST_SERIAL = 2_958_465; // 9999-12-31
const UNIX_EPOCH_SERIAL = 25_569;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` when year, month and day make a real calendar day, else null. */
function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1000) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The calendar day of an Excel serial date (1900 date system); the time of day is dropped. */
export function dateOfExcelSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < FIRST_SAFE_SERIAL || serial > LAST_SERIAL) return null;
  return new Date((Math.floor(serial) - UNIX_EPOCH_SERIAL) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A date cell as `YYYY-MM-DD` (null when empty). ISO dates are always read; `DD/MM/YYYY` and
 * `MM/DD/YYYY` (with `/`, `.` or `-`) only when the file's format says so, never guessed between
 * day-first and month-first; serial numbers only from a workbook. A day that does not exist
 * (31/02/2026) and a two-digit year are refused.
 */
export function parseDateCell(text: string, ctx: DateContext): DateResult {
  const value = text.trim();
  if (value === '') return { ok: true, date: null };
  const iso = ISO.exec(value);
  if (iso) {
    const date = isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return date ? { ok: true, date } : { ok: false, reason: `"${value}" is not a real date` };
  }
  if (ctx.source === 'xlsx' && SERIAL.test(value)) {
    const date = dateOfExcelSerial(Number(value));
    return date ? { ok: true, date } : { ok: false, reason: `${value} is not a date` };
  }
  const slashed = SLASHED.exec(value);
  if (slashed && ctx.dateFormat !== undefined && ctx.dateFormat !== 'YYYY-MM-DD') {
    const [a, b, year] = [Number(slashed[1]), Number(slashed[2]), slashed[3]!];
    if (year.length !== 4) return { ok: false, reason: `"${value}" has a two-digit year: write the year in full` };
    const [day, month] = ctx.dateFormat === 'DD/MM/YYYY' ? [a, b] : [b, a];
    const date = isoDay(Number(year), month, day);
    return date ? { ok: true, date } : { ok: false, reason: `"${value}" is not a real date in ${ctx.dateFormat}` };
  }
  if (slashed && ctx.dateFormat === undefined) {
    return { ok: false, reason: `"${value}" could be day-first or month-first: pass --date-format DD/MM/YYYY or MM/DD/YYYY` };
  }
  return { ok: false, reason: `"${value}" is not a date in ${ctx.dateFormat ?? 'YYYY-MM-DD'}` };
}
