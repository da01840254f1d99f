import { describe, expect, it } from 'vitest';
import { visitMoveQuestions, visitWithDates } from '../../shared/calendar-moves.ts';
import { visitFields } from '../support/factories.ts';
import { ok, openTestServices } from '../support/temp-db.ts';

// What a drag on the calendar asks before it saves, and that the undo of the
// saved drag puts a stored visit's dates back (real SQLite, through the contract).

describe('a visit dragged on the calendar', () => {
  it('is asked about when its first day changes year (another annual report counts it) or when it was already done', () => {
    const planned = { startsOn: '2026-12-28', status: 'planned' as const };
    expect(visitMoveQuestions(planned, '2026-12-21')).toEqual([]);
    expect(visitMoveQuestions(planned, '2027-01-04')).toEqual([{ kind: 'year', from: '2026', to: '2027' }]);
    // Its end crossing 31 December alone does not move it to another report.
    expect(visitMoveQuestions({ startsOn: '2026-12-20', status: 'planned' }, '2026-12-30')).toEqual([]);
    expect(visitMoveQuestions({ startsOn: '2027-01-02', status: 'done' }, '2026-12-26')).toEqual([
      { kind: 'year', from: '2027', to: '2026' },
      { kind: 'done' },
    ]);
    expect(visitMoveQuestions({ startsOn: '2026-05-02', status: 'done' }, '2026-05-09')).toEqual([{ kind: 'done' }]);
  });

  it('across 31 December is saved with its audit row, and the one undo puts its dates and agenda back', async () => {
    const services = await openTestServices({ now: () => new Date('2026-12-01T16:00:00Z') });
    const created = await ok(services, 'visits.create', {
      ...visitFields({ startsOn: '2026-12-28', endsOn: '2026-12-30', purpose: 'Delegación de Xiamen 厦门市' }),
      agenda: [{ onDate: '2026-12-29', atTime: '10:00', place: null, what: 'Visita al puerto', withWhom: null }],
    });
    const moved = await ok(services, 'visits.update', visitWithDates(created, '2027-01-04', '2027-01-06', created.version));
    expect(moved).toMatchObject({ startsOn: '2027-01-04', endsOn: '2027-01-06', agenda: [{ onDate: '2027-01-05' }] });
    const audit = () =>
      services.opened.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'visit' AND entity_id = ? ORDER BY id").pluck().all(created.id);
    expect(audit()).toEqual(['create', 'update']);

    await ok(services, 'undo.apply', { call: 'visits.update', id: created.id });
    expect(await ok(services, 'visits.get', { id: created.id })).toMatchObject({
      startsOn: '2026-12-28',
      endsOn: '2026-12-30',
      version: created.version,
      agenda: [{ onDate: '2026-12-29' }],
    });
    expect(audit()).toEqual(['create', 'update', 'restore']);
    // Taken back once: a second undo is refused, changing nothing.
    const again = await services.call('undo.apply', { call: 'visits.update', id: created.id });
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict', message: 'undo.errors.gone' } });
  });

  it('cannot be undone once the visit was edited since; nothing changes', async () => {
    const services = await openTestServices({ now: () => new Date('2026-12-01T16:00:00Z') });
    const created = await ok(services, 'visits.create', visitFields({ startsOn: '2026-12-28', endsOn: '2026-12-30' }));
    const moved = await ok(services, 'visits.update', visitWithDates(created, '2027-01-04', '2027-01-06', created.version));
    // Someone edits it since (the CLI or a second window on the same file).
    services.opened.sqlite.prepare("UPDATE visits SET purpose = 'Editada después' WHERE id = ?").run(created.id);
    const refused = await services.call('undo.apply', { call: 'visits.update', id: created.id });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'conflict', message: 'undo.errors.changed' } });
    expect(await ok(services, 'visits.get', { id: created.id })).toMatchObject({ startsOn: moved.startsOn, purpose: 'Editada después' });
  });
});
