import type { CalendarEntry, CalendarQuery, IcsFile } from '../../../../shared/contract/calendar.ts';
import type { Ctx } from '../../app/context.ts';
import { readSetting } from '../settings/store.ts';
import { writeIcs } from './ics.ts';
import { calendarEntries, sourceContext } from './query.ts';

/** Writes entries as an .ics file named after what it holds, titled with the office's name. */
export async function icsFile(ctx: Pick<Ctx, 'db' | 'now'>, q: CalendarQuery, entries: readonly CalendarEntry[], filename: string): Promise<IcsFile> {
  const s = await sourceContext(ctx, q);
  const office = await readSetting(ctx.db, 'officeName');
  const calendarName = office ? s.t('calendar.ics.nameOf', { office }) : s.t('calendar.ics.name');
  // One lookup per kind, not per entry: a month may hold thousands.
  const labels = new Map<string, string>();
  const content = writeIcs(entries, {
    calendarName,
    language: s.language,
    now: ctx.now(),
    categoryLabel: (e) => {
      const key = e.variant ? `calendar.variants.${e.variant}` : `calendar.kinds.${e.kind}`;
      let label = labels.get(key);
      if (label === undefined) labels.set(key, (label = s.t(key)));
      return label;
    },
  });
  return { filename, content, events: entries.length };
}

/** What the calendar shows for these filters and range, as an .ics file. */
export async function exportCalendar(ctx: Pick<Ctx, 'db' | 'now'>, q: CalendarQuery): Promise<IcsFile> {
  return icsFile(ctx, q, await calendarEntries(ctx, q), `twinning-desk-${q.from}-${q.to}.ics`);
}
