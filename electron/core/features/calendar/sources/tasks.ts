import type { NotNull } from 'kysely';
import type { CalendarEntry } from '../../../../../shared/contract/calendar.ts';
import { agreementOfPartner, commitmentOfPartner, commitmentUnderAgreement, visitOfPartner, visitUnderAgreement } from '../links.ts';
import { titlePattern, type CalendarSource } from '../source.ts';

/** Follow-up tasks on their due date; done ones stay, marked, cancelled ones are left out. */
export const tasksSource: CalendarSource = {
  kinds: ['task'],
  async entries(s) {
    const { q } = s;
    let query = s.db
      .selectFrom('tasks as t')
      .select([
        't.id',
        't.title',
        't.description',
        't.due_on',
        't.assignee',
        't.status',
        't.version',
        't.updated_at',
        't.agreement_id',
        't.visit_id',
        't.commitment_id',
      ])
      .where('t.status', '<>', 'cancelled')
      .where('t.due_on', '>=', q.from)
      .where('t.due_on', '<=', q.to);
    // Through the task's link: its agreement, or the visit or commitment it follows up.
    if (q.agreementId !== undefined) {
      const agreementId = q.agreementId;
      query = query.where((eb) =>
        eb.or([
          eb('t.agreement_id', '=', agreementId),
          visitUnderAgreement('t.visit_id', agreementId),
          commitmentUnderAgreement('t.commitment_id', agreementId),
        ]),
      );
    }
    if (q.partnerId !== undefined) {
      const partnerId = q.partnerId;
      query = query.where((eb) =>
        eb.or([agreementOfPartner('t.agreement_id', partnerId), visitOfPartner('t.visit_id', partnerId), commitmentOfPartner('t.commitment_id', partnerId)]),
      );
    }
    // The date range above leaves out tasks without a due date.
    const rows = await query.$narrowType<{ due_on: NotNull }>().execute();
    const open = titlePattern(s, 'calendar.titles.task', ['title']);
    const done = titlePattern(s, 'calendar.titles.task_done', ['title']);
    return rows.map((r): CalendarEntry => ({
      id: `task:${r.id}`,
      kind: 'task',
      variant: null,
      title: (r.status === 'done' ? done : open)({ title: r.title }),
      start: r.due_on,
      end: r.due_on,
      allDay: true,
      place: null,
      notes: [r.assignee, r.description].filter(Boolean).join('\n') || null,
      // A click opens what the task follows up; the task itself is edited there.
      link:
        r.visit_id !== null
          ? { entity: 'visit', id: r.visit_id }
          : r.commitment_id !== null
            ? { entity: 'commitment', id: r.commitment_id }
            : r.agreement_id !== null
              ? { entity: 'agreement', id: r.agreement_id }
              : { entity: 'task', id: r.id },
      movable: r.status !== 'done',
      version: r.version,
      updatedAt: r.updated_at,
    }));
  },
};
