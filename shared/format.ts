import { dateLocale, numberLocale } from './region.ts';

// Creating an Intl formatter costs far more than using one (a report formats
// thousands of numbers and dates), so each is made once per locale and kept.
const formats = new Map<string, { format(value: number | Date): string }>();

/** The formatter for `key`, created by `create` the first time. */
export function formatter<F extends { format(value: number | Date): string }>(key: string, create: () => F) {
  let fmt = formats.get(key);
  if (!fmt) {
    fmt = create();
    formats.set(key, fmt);
  }
  return fmt;
}

// Dates are stored as YYYY-MM-DD calendar dates; formatting them in UTC keeps
// a date from shifting by a day in the user's time zone.
export function formatDate(iso: string | null | undefined, locale: string, style: 'medium' | 'long' = 'medium'): string {
  if (!iso) return '';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return formatter(`date|${locale}|${style}`, () => new Intl.DateTimeFormat(dateLocale(locale), { dateStyle: style, timeZone: 'UTC' })).format(d);
}

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return formatter(`datetime|${locale}`, () => new Intl.DateTimeFormat(dateLocale(locale), { dateStyle: 'medium', timeStyle: 'short' })).format(d);
}

export function formatNumber(n: number, locale: string): string {
  return formatter(`number|${locale}`, () => new Intl.NumberFormat(numberLocale(locale))).format(n);
}
