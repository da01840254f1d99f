import type { TFunction } from 'i18next';
import type { Kysely } from 'kysely';
import type { CalendarEntry, CalendarKind, CalendarQuery } from '../../../../shared/contract/calendar.ts';
import type { Language } from '../../../../shared/contract/settings.ts';
import type { DB } from '../../db/schema.ts';

/** What every source gets: the range and filters, plus a translator for the titles it computes. */
export type SourceContext = {
  db: Kysely<DB>;
  q: CalendarQuery;
  t: TFunction;
  language: Language;
  /** The office's own locality ("Lima"), so titles read "Lima–Shanghai"; null if not set. */
  ownName: string | null;
  /** Today on the office's clock, for statuses such as "overdue". */
  today: string;
};

/** One kind of record on the calendar: which kinds it yields and how it finds them in a range. */
export type CalendarSource = {
  kinds: readonly CalendarKind[];
  entries(s: SourceContext): Promise<CalendarEntry[]>;
};

/**
 * The upper bound for comparing stored values with the last day of the range:
 * '2026-01-31T18:00' sorts after '2026-01-31' but before '2026-01-31~', so
 * timed values on the last day are kept.
 */
export const endOfDay = (date: string) => `${date}~`;

const patterns = new Map<string, (values: Record<string, string>) => string>();
/**
 * A title pattern translated once per language and filled per entry:
 * i18next's own lookup costs 30–90 µs a call, too much for 2,000 entries.
 */
export function titlePattern(s: SourceContext, key: string, names: readonly string[]): (values: Record<string, string>) => string {
  const cacheKey = `${s.language}|${key}`;
  let pattern = patterns.get(cacheKey);
  if (!pattern) {
    const marker = (name: string) => `\u0001${name}\u0001`;
    const translated = s.t(key, Object.fromEntries(names.map((n) => [n, marker(n)])));
    // eslint-disable-next-line no-control-regex -- U+0001 is the marker put in above, a character no translation holds.
    pattern = (values) => translated.replace(/\u0001(\w+)\u0001/g, (_, name: string) => values[name] ?? '');
    patterns.set(cacheKey, pattern);
  }
  return pattern;
}
