import type { CalendarEntry } from '../../../../../shared/contract/calendar.ts';
import { agreementOfPartner } from '../links.ts';
import { endOfDay, type CalendarSource } from '../source.ts';

/** The office's own events (forums, fairs, receptions): the only kind created on the calendar itself. */
export const officeEventsSource: CalendarSource = {
  kinds: ['office_event'],
  async entries({ db, q }) {
    let query = db
      .selectFrom('office_events as e')
      .select(['e.id', 'e.title', 'e.all_day', 'e.starts_at', 'e.ends_at', 'e.place', 'e.notes', 'e.version', 'e.updated_at'])
      .where('e.archived_at', 'is', null)
      .where('e.starts_at', '<=', endOfDay(q.to))
      .where('e.ends_at', '>=', q.from);
    if (q.agreementId !== undefined) query = query.where('e.agreement_id', '=', q.agreementId);
    if (q.partnerId !== undefined) query = query.where(agreementOfPartner('e.agreement_id', q.partnerId));
    const rows = await query.execute();
    return rows.map((r): CalendarEntry => ({
      id: `office_event:${r.id}`,
      kind: 'office_event',
      variant: null,
      title: r.title,
      start: r.starts_at,
      end: r.ends_at,
      allDay: r.all_day === 1,
      place: r.place,
      notes: r.notes,
      link: { entity: 'office_event', id: r.id },
      movable: true,
      version: r.version,
      updatedAt: r.updated_at,
    }));
  },
};
