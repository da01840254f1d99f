import { dateLocale, hourCycleFor, numberLocale } from './region.ts';

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
// `numeric`: the digits a date field shows (15/03/2027), for narrow columns.
export function formatDate(iso: string | null | undefined, locale: string, style: 'medium' | 'long' | 'numeric' = 'medium'): string {
  if (!iso) return '';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = style === 'numeric' ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { dateStyle: style };
  return formatter(`date|${locale}|${style}`, () => new Intl.DateTimeFormat(dateLocale(locale), { ...options, timeZone: 'UTC' })).format(d);
}

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return formatter(`datetime|${locale}`, () => {
    const cycle = hourCycleFor(locale);
    return new Intl.DateTimeFormat(dateLocale(locale), {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(cycle ? { hourCycle: cycle === 24 ? 'h23' : 'h12' } : {}),
    });
  }).format(d);
}

export function formatNumber(n: number, locale: string): string {
  return formatter(`number|${locale}`, () => new Intl.NumberFormat(numberLocale(locale))).format(n);
}
