import { CalendarDate, Time } from '@internationalized/date';
import { dateLocale } from '../../../shared/region.ts';

// The forms keep dates as 'YYYY-MM-DD' and times as 'HH:MM' (the contract's
// value model); React Aria works with CalendarDate/Time. These convert between
// the two and say what to do with a date that cannot exist.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^(\d{2}):(\d{2})/;

export type DayParts = { year: number; month: number; day: number };

export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const isRealDate = ({ year, month, day }: DayParts) =>
  year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export const partsToIso = ({ year, month, day }: DayParts) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** What React Aria makes of an impossible date when the field is left (31/02/2027 → 2027-02-28). */
export function constrain({ year, month, day }: DayParts): string {
  const m = Math.min(Math.max(month, 1), 12);
  return partsToIso({ year, month: m, day: Math.min(Math.max(day, 1), daysInMonth(year, m)) });
}

export function isoParts(iso: string): DayParts | null {
  const m = ISO_DATE.exec(iso);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

/** The CalendarDate for a stored value; blank or impossible values show as an empty field. */
export function toCalendarDate(iso: string): CalendarDate | null {
  const parts = isoParts(iso);
  return parts && isRealDate(parts) ? new CalendarDate(parts.year, parts.month, parts.day) : null;
}

/** A date the user typed that does not exist ('2027-02-31'): the form keeps it so saving is refused. */
export function impossibleDate(iso: string): DayParts | null {
  const parts = isoParts(iso);
  return parts && !isRealDate(parts) ? parts : null;
}

/**
 * An impossible date written the way the locale writes dates (31/02/2027 in
 * es/pt, 02/31/2027 in en-US), so the refusal quotes what the user typed.
 * Intl cannot format a date that does not exist, so its pattern is borrowed.
 */
export function writeDayParts(parts: DayParts, locale: string): string {
  const shape = new Intl.DateTimeFormat(dateLocale(locale), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  return shape
    .formatToParts(new Date(Date.UTC(2000, 0, 1)))
    .map((p) => (p.type === 'day' ? pad(parts.day) : p.type === 'month' ? pad(parts.month) : p.type === 'year' ? String(parts.year) : p.value))
    .join('');
}

export function toTime(hhmm: string): Time | null {
  const m = HH_MM.exec(hhmm);
  if (!m) return null;
  const [hour, minute] = [Number(m[1]), Number(m[2])];
  return hour < 24 && minute < 60 ? new Time(hour, minute) : null;
}

export const timeToHhmm = (time: Time | null) => (time ? `${pad(time.hour)}:${pad(time.minute)}` : '');
