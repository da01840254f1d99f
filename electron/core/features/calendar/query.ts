import { CALENDAR_KINDS, type CalendarEntry, type CalendarQuery } from '../../../../shared/contract/calendar.ts';
import { createI18n } from '../../../../shared/i18n/index.ts';
import type { Language } from '../../../../shared/contract/settings.ts';
import { today, type Ctx } from '../../app/context.ts';
import { readSettings } from '../settings/public.ts';
import type { CalendarSource, SourceContext } from './source.ts';
import { agreementDatesSource } from './sources/agreement-dates.ts';
import { commitmentsSource } from './sources/commitments.ts';
import { officeEventsSource } from './sources/office-events.ts';
import { tasksSource } from './sources/tasks.ts';
import { visitsSource } from './sources/visits.ts';

// Every kind of record the calendar shows, one module each; a new kind is one more line.
const SOURCES: readonly CalendarSource[] = [visitsSource, tasksSource, commitmentsSource, agreementDatesSource, officeEventsSource];

const translators = new Map<Language, ReturnType<typeof createI18n>>();
function translator(language: Language) {
  let i18n = translators.get(language);
  if (!i18n) translators.set(language, (i18n = createI18n(language)));
  return i18n.t.bind(i18n);
}

export async function sourceContext(ctx: Pick<Ctx, 'db' | 'now'>, q: CalendarQuery): Promise<SourceContext> {
  const settings = await readSettings(ctx.db);
  const own = settings.ownLocalityId
    ? await ctx.db.selectFrom('localities').select('name').where('id', '=', settings.ownLocalityId).executeTakeFirst()
    : undefined;
  return { db: ctx.db, q, t: translator(settings.language), language: settings.language, ownName: own?.name ?? null, today: today(ctx) };
}

const order = (a: CalendarEntry, b: CalendarEntry) =>
  a.start < b.start ? -1 : a.start > b.start ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Everything the calendar shows in a range, from every source the kind filter asks for, in date order. */
export async function calendarEntries(ctx: Pick<Ctx, 'db' | 'now'>, q: CalendarQuery): Promise<CalendarEntry[]> {
  const want = new Set(q.kinds ?? CALENDAR_KINDS);
  const s = await sourceContext(ctx, q);
  const lists = await Promise.all(SOURCES.filter((src) => src.kinds.some((k) => want.has(k))).map((src) => src.entries(s)));
  return lists
    .flat()
    .filter((e) => want.has(e.kind))
    .sort(order);
}
