import { describe, expect, it } from 'vitest';
import { taskWithDueDate, visitWithDates } from '../../shared/calendar-moves.ts';
import { partnerWithAgreement, taskFields, visitFields, wangFields } from '../support/factories.ts';
import { parseIcs } from '../support/ics.ts';
import { ok, openTestServices } from '../support/temp-db.ts';

const NOW = new Date('2026-12-01T16:00:00Z');

async function office() {
  const services = await openTestServices({ now: () => NOW });
  const lima = await ok(services, 'localities.create', { name: 'Lima', nativeName: null, country: 'PE', level: 'city', parentId: null });
  await ok(services, 'settings.update', { ownLocalityId: lima.id, language: 'es' });
  const { partner, agreement } = await partnerWithAgreement(services, { name: 'Zhangzhou', nativeName: '漳州市' }, { signedOn: '2018-07-01' });
  return { services, partner, agreement };
}

describe('visits and tasks on the calendar', () => {
  it('shows multi-day visits that cross either edge of the range, inbound and outbound apart, not cancelled ones', async () => {
    const { services, partner, agreement } = await office();
    const across = await ok(
      services,
      'visits.create',
      visitFields({ startsOn: '2026-03-28', endsOn: '2026-04-03', localityId: partner.id, agreementIds: [agreement.id] }),
    );
    const tail = await ok(
      services,
      'visits.create',
      visitFields({ direction: 'inbound', startsOn: '2026-04-29', endsOn: '2026-05-02', purpose: 'Visita de cortesía' }),
    );
    const whole = await ok(services, 'visits.create', visitFields({ startsOn: '2026-03-25', endsOn: '2026-05-10', purpose: 'Pasantía' }));
    await ok(services, 'visits.create', visitFields({ startsOn: '2026-03-20', endsOn: '2026-03-31', purpose: 'Antes' }));
    await ok(services, 'visits.create', visitFields({ startsOn: '2026-05-01', endsOn: '2026-05-03', purpose: 'Después' }));
    await ok(services, 'visits.create', visitFields({ startsOn: '2026-04-10', endsOn: '2026-04-12', status: 'cancelled', purpose: 'Cancelada' }));

    const april = await ok(services, 'calendar.entries', { from: '2026-04-01', to: '2026-04-30', kinds: ['visit'] });
    expect(april.map((e) => e.id).sort()).toEqual([across, tail, whole].map((v) => `visit:${v.id}`).sort());
    expect(april.find((e) => e.id === `visit:${across.id}`)).toMatchObject({
      kind: 'visit',
      variant: 'outbound',
      title: 'Viaje a Zhangzhou: Firma del hermanamiento con Zhangzhou',
      start: '2026-03-28',
      end: '2026-04-03',
      allDay: true,
      movable: true,
      place: 'Palacio municipal de Zhangzhou, Zhangzhou 漳州市',
      link: { entity: 'visit', id: across.id },
    });
    expect(april.find((e) => e.id === `visit:${tail.id}`)).toMatchObject({ variant: 'inbound', title: 'Visita recibida: Visita de cortesía' });
    // By partner: held there, or under an agreement with it.
    expect(
      (await ok(services, 'calendar.entries', { from: '2026-04-01', to: '2026-04-30', partnerId: partner.id, kinds: ['visit'] })).map((e) => e.id),
    ).toEqual([`visit:${across.id}`]);
    expect(
      (await ok(services, 'calendar.entries', { from: '2026-04-01', to: '2026-04-30', agreementId: agreement.id, kinds: ['visit'] })).map((e) => e.id),
    ).toEqual([`visit:${across.id}`]);
  });

  it('shows task due dates, done ones marked and fixed, cancelled ones left out, filtered through their link', async () => {
    const { services, agreement } = await office();
    const open = await ok(services, 'tasks.create', taskFields({ dueOn: '2026-05-01', link: { kind: 'agreement', id: agreement.id } }));
    const done = await ok(services, 'tasks.create', taskFields({ title: 'Informe', dueOn: '2026-05-02' }));
    await ok(services, 'tasks.setStatus', { id: done.id, version: done.version, status: 'done' });
    const cancelled = await ok(services, 'tasks.create', taskFields({ title: 'No', dueOn: '2026-05-03' }));
    await ok(services, 'tasks.setStatus', { id: cancelled.id, version: cancelled.version, status: 'cancelled' });
    const may = await ok(services, 'calendar.entries', { from: '2026-05-01', to: '2026-05-31', kinds: ['task'] });
    expect(may.map((e) => [e.title, e.start, e.movable])).toEqual([
      ['Tarea: Enviar fotos oficiales de la firma', '2026-05-01', true],
      ['✓ Tarea: Informe', '2026-05-02', false],
    ]);
    expect(
      (await ok(services, 'calendar.entries', { from: '2026-05-01', to: '2026-05-31', agreementId: agreement.id, kinds: ['task'] })).map((e) => e.id),
    ).toEqual([`task:${open.id}`]);
    // A click opens what the task follows up (here its agreement); one without a link opens the task.
    expect(may.map((e) => e.link)).toEqual([
      { entity: 'agreement', id: agreement.id },
      { entity: 'task', id: done.id },
    ]);
  });

  it('moves a visit through its own update: the agenda goes along, a stale or impossible move is refused', async () => {
    const { services, partner } = await office();
    const mayor = await ok(services, 'contacts.create', wangFields);
    const visit = await ok(services, 'visits.create', {
      ...visitFields({ localityId: partner.id, startsOn: '2026-04-12', endsOn: '2026-04-14' }),
      participants: [{ contactId: mayor.id, role: 'host' }],
      agenda: [{ onDate: '2026-04-13', atTime: '09:30', place: '市政府', what: 'Firma', withWhom: '王市长' }],
      costs: [{ item: 'Pasajes', amountMinor: 1250000, currency: 'PEN', paidBy: 'ours' }],
    });
    const moved = await ok(services, 'visits.update', visitWithDates(visit, '2026-04-19', '2026-04-21', visit.version));
    expect(moved).toMatchObject({ startsOn: '2026-04-19', endsOn: '2026-04-21', version: visit.version + 1 });
    expect(moved.agenda.map((a) => a.onDate)).toEqual(['2026-04-20']);
    expect(moved.participants.map((p) => p.name)).toEqual(['Wang Wei']);
    expect(moved.costs).toEqual(visit.costs);
    // Shrinking it so the agenda falls outside: the visit form's own rule answers.
    const shrunk = await services.call('visits.update', visitWithDates(moved, '2026-04-21', '2026-04-21', moved.version));
    expect(!shrunk.ok && shrunk.error.kind === 'validation' && shrunk.error.issues[0]?.message).toBe('visitsErrors.agenda_outside');
    const stale = await services.call('visits.update', visitWithDates(moved, '2026-05-01', '2026-05-03', visit.version));
    expect(!stale.ok && stale.error.kind).toBe('conflict');
    expect((await ok(services, 'calendar.entries', { from: '2026-04-01', to: '2026-04-30', kinds: ['visit'] }))[0]).toMatchObject({
      start: '2026-04-19',
      end: '2026-04-21',
    });
  });

  it('moves a task due date and keeps the rest of the task', async () => {
    const { services, agreement } = await office();
    const task = await ok(services, 'tasks.create', taskFields({ link: { kind: 'agreement', id: agreement.id }, priority: 'high' }));
    const moved = await ok(services, 'tasks.update', taskWithDueDate(task, '2026-05-08', task.version));
    expect(moved).toMatchObject({ dueOn: '2026-05-08', priority: 'high', assignee: 'Ana Torres', link: { kind: 'agreement', id: agreement.id } });
  });

  it('exports one visit as an .ics invitation with its agenda and delegation', async () => {
    const { services, partner } = await office();
    const wang = await ok(services, 'contacts.create', wangFields);
    const visit = await ok(services, 'visits.create', {
      ...visitFields({
        direction: 'inbound',
        status: 'confirmed',
        localityId: partner.id,
        startsOn: '2026-04-12',
        endsOn: '2026-04-14',
        purpose: 'Cultura; deporte, becas',
      }),
      participants: [{ contactId: wang.id, role: 'head_of_delegation' }],
      agenda: [{ onDate: '2026-04-13', atTime: '09:30', place: '市政府', what: 'Firma', withWhom: '王市长' }],
    });
    const file = await ok(services, 'calendar.visitIcs', { id: visit.id });
    expect(file.filename).toBe(`visit-${visit.id}-2026-04-12.ics`);
    const [event] = parseIcs(file.content).events;
    expect(event).toMatchObject({
      uid: `visit-${visit.id}@twinning-desk`,
      summary: 'Visita recibida: Cultura; deporte, becas',
      start: '2026-04-12',
      end: '2026-04-15',
      startIsDate: true,
      categories: ['Visita recibida'],
    });
    expect(event!.description).toBe(
      'Confirmada\n\nAgenda:\n2026-04-13 · 09:30 · Firma · 市政府 · 王市长\n\nDelegación:\nWang Wei 王伟, Director de Asuntos Exteriores, Gobierno Popular Municipal de Zhangzhou',
    );
    // The same UID as in the calendar export, so importing both does not duplicate the visit.
    const all = parseIcs((await ok(services, 'calendar.exportIcs', { from: '2026-04-01', to: '2026-04-30' })).content);
    expect(all.events.map((e) => e.uid)).toContain(`visit-${visit.id}@twinning-desk`);

    const missing = await services.call('calendar.visitIcs', { id: 999 });
    expect(!missing.ok && missing.error.kind).toBe('not_found');
    await ok(services, 'visits.archive', { id: visit.id });
    const archived = await services.call('calendar.visitIcs', { id: visit.id });
    expect(archived).toEqual({ ok: false, error: { kind: 'conflict', message: 'calendarErrors.visit_not_on_calendar' } });
  });
});
