// The one date module. A calendar date is a YYYY-MM-DD string everywhere (stored, in the contract, in forms);
// arithmetic on it counts whole days in UTC, where no day is 23 or 25 hours long, so no time zone or
// daylight-saving change can move it. Temporal.PlainDate would say the same, but Node 24 and Electron's
// Chromium do not ship Temporal, and a polyfill in every process for four functions is not worth it.

const pad = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;
const utc = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/**
 * The calendar date on the user's own clock as YYYY-MM-DD. `toISOString()` gives the UTC date,
 * which in the Americas turns into tomorrow every evening: a task due today would show as overdue.
 */
export function localIsoDate(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export function addDays(iso: string, days: number): string {
  const d = utc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(iso: string, months: number): string {
  const d = utc(iso);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  // 31 March minus one month is the last day of February, not 3 March.
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((utc(to).getTime() - utc(from).getTime()) / DAY_MS);

/**
 * `days` after today on the user's clock. Adding days as milliseconds to the current instant is off by one
 * across a daylight-saving change: the evening before clocks go forward, now + 24 h is already the day after tomorrow.
 */
export const daysFromToday = (days: number, now: Date = new Date()): string => addDays(localIsoDate(now), days);
