import type { CalendarEntry } from '../../../../../shared/contract/calendar.ts';
import { visitOfPartner, visitUnderAgreement } from '../links.ts';
import { titlePattern, type CalendarSource } from '../source.ts';
import { twoScripts } from '../../../../../shared/names.ts';

/**
 * Delegation visits, one entry spanning all their days; inbound and outbound
 * apart by variant (colour, legend, ICS category). Cancelled ones are left out.
 */
export const visitsSource: CalendarSource = {
  kinds: ['visit'],
  async entries(s) {
    const { q } = s;
    let query = s.db
      .selectFrom('visits as v')
      .leftJoin('localities as l', 'l.id', 'v.locality_id')
      .select([
        'v.id',
        'v.direction',
        'v.status',
        'v.starts_on',
        'v.ends_on',
        'v.venue',
        'v.purpose',
        'v.notes',
        'v.version',
        'v.updated_at',
        'l.name as place',
        'l.native_name as placeNative',
      ])
      .where('v.archived_at', 'is', null)
      .where('v.status', '<>', 'cancelled')
      .where('v.starts_on', '<=', q.to)
      .where('v.ends_on', '>=', q.from);
    if (q.agreementId !== undefined) query = query.where(visitUnderAgreement('v.id', q.agreementId));
    if (q.partnerId !== undefined) query = query.where(visitOfPartner('v.id', q.partnerId));
    const rows = await query.execute();
    // An inbound visit's locality is where the delegation came from and it was
    // received here, so its title is the purpose; an outbound one says where the trip went.
    const titles = {
      inbound: titlePattern(s, 'calendar.titles.visit_inbound', ['purpose']),
      outbound: titlePattern(s, 'calendar.titles.visit_outbound', ['place', 'purpose']),
      outboundNoPlace: titlePattern(s, 'calendar.titles.visit_outbound_noplace', ['purpose']),
    };
    const status = (value: string) => titlePattern(s, `calendar.visitStatus.${value}`, [])({});
    return rows.map((r): CalendarEntry => {
      const title =
        r.direction === 'inbound'
          ? titles.inbound({ purpose: r.purpose })
          : r.place
            ? titles.outbound({ place: r.place, purpose: r.purpose })
            : titles.outboundNoPlace({ purpose: r.purpose });
      const where = r.place ? twoScripts(r.place, r.placeNative) : null;
      return {
        id: `visit:${r.id}`,
        kind: 'visit',
        variant: r.direction,
        title,
        start: r.starts_on,
        end: r.ends_on,
        allDay: true,
        place: [r.venue, where].filter(Boolean).join(', ') || null,
        notes: [status(r.status), r.notes].filter(Boolean).join('\n'),
        link: { entity: 'visit', id: r.id },
        movable: true,
        version: r.version,
        updatedAt: r.updated_at,
      };
    });
  },
};
