import { describe, expect, it } from 'vitest';
import { partnerWithAgreement, taskFields, visitFields } from '../support/factories.ts';
import { ok, openTestServices, tableCounts } from '../support/temp-db.ts';

// The office's clock: a Friday in December, so last May is in the past and next week is not.
const NOW = new Date('2026-12-04T15:00:00Z');

describe('a task’s completion date', () => {
  it('is today when ticked, and can be set back to the day it was really done', async () => {
    const services = await openTestServices({ now: () => NOW });
    const task = await ok(services, 'tasks.create', taskFields({ dueOn: '2026-05-10' }));
    const ticked = await ok(services, 'tasks.setStatus', { id: task.id, version: task.version, status: 'done' });
    expect(ticked.completedOn).toBe('2026-12-04');

    const { version: _v, id: _i, link: _l, sample: _s, createdAt: _c, updatedAt: _u, ...fields } = ticked;
    const backdated = await ok(services, 'tasks.update', { ...fields, link: null, completedOn: '2026-05-08', id: task.id, version: ticked.version });
    expect(backdated).toMatchObject({ status: 'done', completedOn: '2026-05-08' });
    // Today itself is allowed.
    const today = await ok(services, 'tasks.update', { ...fields, link: null, completedOn: '2026-12-04', id: task.id, version: backdated.version });
    expect(today.completedOn).toBe('2026-12-04');
  });

  it('is refused, next to the field and writing nothing, when it is still to come', async () => {
    const services = await openTestServices({ now: () => NOW });
    const task = await ok(services, 'tasks.create', taskFields());
    const counts = tableCounts(services);
    for (const attempt of [
      services.call('tasks.update', { ...taskFields({ status: 'done', completedOn: '2026-12-05' }), id: task.id, version: task.version }),
      services.call('tasks.create', taskFields({ status: 'done', completedOn: '2027-01-01' })),
      services.call('tasks.setStatus', { id: task.id, version: task.version, status: 'done', completedOn: '2026-12-05' }),
    ]) {
      expect(await attempt).toEqual({
        ok: false,
        error: { kind: 'validation', issues: [{ path: ['completedOn'], message: 'tasksErrors.completed_in_future' }] },
      });
    }
    expect(tableCounts(services)).toEqual(counts);
    expect(await ok(services, 'tasks.get', { id: task.id })).toMatchObject({ status: 'open', completedOn: null, version: task.version });
  });

  it('an office typing in last year’s work: every field of a done task is edited, the link moved from an agreement to a visit', async () => {
    const services = await openTestServices({ now: () => NOW });
    const { partner, agreement } = await partnerWithAgreement(services);
    const visit = await ok(
      services,
      'visits.create',
      visitFields({ localityId: partner.id, agreementIds: [agreement.id], startsOn: '2025-04-12', endsOn: '2025-04-18' }),
    );
    const task = await ok(services, 'tasks.create', taskFields({ status: 'done', completedOn: '2025-05-20', link: { kind: 'agreement', id: agreement.id } }));
    expect(task.completedOn).toBe('2025-05-20');
    const every = {
      title: 'Enviar al concejo el acta firmada 签字',
      description: 'Con la traducción jurada',
      dueOn: '2025-05-31',
      assignee: 'María Huamán',
      priority: 'high',
      status: 'done',
      completedOn: '2025-05-28',
      link: { kind: 'visit', id: visit.id },
    } as const;
    const edited = await ok(services, 'tasks.update', { ...every, id: task.id, version: task.version });
    expect(edited).toMatchObject(every);
    // Reopened: no completion date; done again from the list: today.
    const reopened = await ok(services, 'tasks.setStatus', { id: task.id, version: edited.version, status: 'open' });
    expect(reopened.completedOn).toBeNull();
    expect((await ok(services, 'tasks.setStatus', { id: task.id, version: reopened.version, status: 'done' })).completedOn).toBe('2026-12-04');
  });

  it('a spreadsheet’s “done on” column is kept, and a day still to come is reported on its row', async () => {
    const services = await openTestServices({ now: () => NOW });
    const csv = 'Tarea;Vence;Hecha el\nEnviar fotos;2025-05-01;2025-05-03\nReservar hotel;2025-06-01;\nTraducir acta;2026-11-01;2027-01-15\n';
    const request = { entity: 'tasks' as const, fileName: 'tareas.csv', contentBase64: Buffer.from(csv).toString('base64') };
    const preview = await ok(services, 'import.preview', request);
    expect(preview.rows.find((r) => r.values[0] === 'Traducir acta')?.problems).toEqual([{ field: null, message: 'tasksErrors.completed_in_future' }]);
    const result = await ok(services, 'import.commit', { ...request, duplicates: 'skip' });
    expect(result).toMatchObject({ created: 2, rejected: 1 });
    const rows = (await ok(services, 'tasks.list', { view: 'all' })).rows.map((t) => [t.title, t.status, t.completedOn]);
    expect(rows.sort()).toEqual([
      ['Enviar fotos', 'done', '2025-05-03'],
      ['Reservar hotel', 'open', null],
    ]);
  });
});
