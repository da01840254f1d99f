import type { NotNull } from 'kysely';
import type { CalendarEntry } from '../../../../../shared/contract/calendar.ts';
import { commitmentStatus } from '../../../../../shared/commitment-status.ts';
import { titlePattern, type CalendarSource } from '../source.ts';

/**
 * Commitment due dates (6 scholarships by 15 March). Cancelled ones are left
 * out; delivered ones stay, marked, so the year's record reads true. The
 * date is changed in the commitment's form, where its rules live.
 */
export const commitmentsSource: CalendarSource = {
  kinds: ['commitment'],
  async entries(s) {
    const { q } = s;
    let query = s.db
      .selectFrom('commitments as c')
      .innerJoin('agreements as a', 'a.id', 'c.agreement_id')
      .innerJoin('localities as l', 'l.id', 'a.partner_id')
      .select([
        'c.id',
        'c.description',
        'c.quantity',
        'c.unit',
        'c.delivered_quantity',
        'c.due_on',
        'c.notes',
        'c.updated_at',
        'c.version',
        'l.name as partner',
      ])
      .where('c.cancelled_at', 'is', null)
      .where('a.archived_at', 'is', null)
      .where('c.due_on', '>=', q.from)
      .where('c.due_on', '<=', q.to);
    if (q.partnerId !== undefined) query = query.where('a.partner_id', '=', q.partnerId);
    if (q.agreementId !== undefined) query = query.where('c.agreement_id', '=', q.agreementId);
    // The date range above leaves out commitments without a due date.
    const rows = await query.$narrowType<{ due_on: NotNull }>().execute();
    const title = titlePattern(s, 'calendar.titles.commitment', ['description', 'delivered', 'quantity', 'partner']);
    return rows.map((r): CalendarEntry => {
      const due = r.due_on;
      const status = commitmentStatus({ quantity: r.quantity, delivered: r.delivered_quantity, dueOn: due, cancelledAt: null }, s.today);
      const statusLabel = titlePattern(s, `commitments.status.${status}`, [])({});
      return {
        id: `commitment:${r.id}`,
        kind: 'commitment',
        variant: null,
        title: title({ description: r.description, delivered: String(r.delivered_quantity), quantity: String(r.quantity), partner: r.partner }),
        start: due,
        end: due,
        allDay: true,
        place: null,
        notes: [statusLabel, r.notes].filter(Boolean).join('\n'),
        link: { entity: 'commitment', id: r.id },
        movable: false,
        version: r.version,
        updatedAt: r.updated_at,
      };
    });
  },
};
