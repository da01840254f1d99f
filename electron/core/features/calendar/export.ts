import type { CalendarEntry, CalendarQuery, IcsFile } from '../../../../shared/contract/calendar.ts';
import { conflict, notFound } from '../../../../shared/contract/result.ts';
import type { Ctx } from '../../app/context.ts';
import { readSetting } from '../settings/store.ts';
import { findVisit } from '../visits/queries.ts';
import { writeIcs } from './ics.ts';
import { calendarEntries, sourceContext } from './query.ts';
import { twoScripts } from '../../../../shared/names.ts';

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

/**
 * One visit as an .ics file to send or import (an "invitation"): the visit's
 * days, place and status, with its agenda and delegation in the description.
 */
export async function exportVisit(ctx: Pick<Ctx, 'db' | 'now'>, id: number): Promise<IcsFile> {
  const visit = await findVisit(ctx.db, id);
  if (!visit) throw notFound('visit', id);
  const q: CalendarQuery = { from: visit.startsOn, to: visit.endsOn, kinds: ['visit'] };
  const entry = (await calendarEntries(ctx, q)).find((e) => e.id === `visit:${id}`);
  if (!entry) throw conflict('calendarErrors.visit_not_on_calendar');
  const s = await sourceContext(ctx, q);
  const agenda = visit.agenda.map((a) => [a.onDate, a.atTime, a.what, a.place, a.withWhom].filter(Boolean).join(' · '));
  const people = visit.participants.map((p) => [twoScripts(p.name, p.nativeName), p.title, p.organisation].filter(Boolean).join(', '));
  const sections = [
    entry.notes,
    agenda.length ? `${s.t('calendar.ics.agenda')}:\n${agenda.join('\n')}` : null,
    people.length ? `${s.t('calendar.ics.participants')}:\n${people.join('\n')}` : null,
  ];
  const invitation = { ...entry, notes: sections.filter(Boolean).join('\n\n') || null };
  return icsFile(ctx, q, [invitation], `visit-${id}-${visit.startsOn}.ics`);
}
