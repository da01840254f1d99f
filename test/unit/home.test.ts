import { describe, expect, it } from 'vitest';
import { remindAgreementDates, remindOverdue } from '../../electron/core/features/home/reminders.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { partnerWithAgreement, taskFields, visitFields, commitmentFields } from '../support/factories.ts';
import { ok, openTestServices, tableCounts } from '../support/temp-db.ts';

// Noon in Lima on 20 April 2026 is 17:00 UTC; "today" is the office's local date.
const NOW = new Date(2026, 3, 20, 12, 0, 0);

describe('the home screen', () => {
  it('sorts tasks around the edges: yesterday overdue, today and day 6 this week, day 7 not', async () => {
    const services = await openTestServices({ now: () => NOW });
    for (const [title, dueOn] of [
      ['ayer', '2026-04-19'],
      ['hoy', '2026-04-20'],
      ['mañana', '2026-04-21'],
      ['día 6', '2026-04-26'],
      ['día 7', '2026-04-27'],
    ] as const) {
      await ok(services, 'tasks.create', taskFields({ title, dueOn }));
    }
    await ok(services, 'tasks.create', taskFields({ title: 'hecha y vencida', dueOn: '2026-04-01', status: 'done' }));
    await ok(services, 'tasks.create', taskFields({ title: 'cancelada', dueOn: '2026-04-01', status: 'cancelled' }));
    const home = await ok(services, 'home.summary', {});
    expect(home.today).toBe('2026-04-20');
    expect(home.overdue.total).toBe(1);
    expect(home.overdue.rows.map((t) => t.title)).toEqual(['ayer']);
    expect(home.dueThisWeek.rows.map((t) => t.title)).toEqual(['hoy', 'mañana', 'día 6']);
    expect(home.dueThisWeek.total).toBe(3);
  });

  it('lists renewals and expiries inside the window set in Settings, day 60 included, day 61 not', async () => {
    const services = await openTestServices({ now: () => NOW });
    await partnerWithAgreement(services, { name: 'Kobe' }, { renewalOn: '2026-06-19' }); // today + 60
    await partnerWithAgreement(services, { name: 'Córdoba' }, { expiresOn: '2026-06-20' }); // today + 61
    await partnerWithAgreement(services, { name: 'Guilin' }, { expiresOn: '2026-04-20' }); // today
    await partnerWithAgreement(services, { name: 'Pasado' }, { expiresOn: '2026-04-19' });
    const dates = async () => (await ok(services, 'home.summary', {})).agreementDates.map((d) => [d.partnerName, d.which, d.date]);
    expect(await dates()).toEqual([
      ['Guilin', 'expiry', '2026-04-20'],
      ['Kobe', 'renewal', '2026-06-19'],
    ]);
    await ok(services, 'settings.update', { reminderWindowDays: 61 });
    expect((await dates()).map((d) => d[0])).toEqual(['Guilin', 'Kobe', 'Córdoba']);
  });

  it('names agreements with no visit, delivery, task done, stage or office event in the last 12 months', async () => {
    const services = await openTestServices({ now: () => NOW });
    const quiet = (await partnerWithAgreement(services, { name: 'Guilin' }, { signedOn: '2011-09-15', letterOfIntentOn: null })).agreement;
    const visited = (await partnerWithAgreement(services, { name: 'Shanghai' })).agreement;
    const tasked = (await partnerWithAgreement(services, { name: 'Kobe' })).agreement;
    await partnerWithAgreement(services, { name: 'Nuevo' }, { signedOn: '2026-01-10', letterOfIntentOn: null });
    await ok(services, 'visits.create', visitFields({ startsOn: '2025-04-20', endsOn: '2025-04-20', agreementIds: [visited.id] }));
    await ok(services, 'visits.create', visitFields({ startsOn: '2025-01-01', endsOn: '2025-01-03', agreementIds: [quiet.id] }));
    await ok(services, 'visits.create', visitFields({ startsOn: '2026-03-01', endsOn: '2026-03-03', status: 'cancelled', agreementIds: [quiet.id] }));
    await ok(services, 'tasks.create', taskFields({ dueOn: '2026-05-01', link: { kind: 'agreement', id: tasked.id } }));
    const promised = (await partnerWithAgreement(services, { name: 'Zhangzhou' }, { signedOn: '2011-09-15', letterOfIntentOn: null })).agreement;
    await ok(services, 'commitments.create', commitmentFields(promised.id, { dueOn: null }));
    const home = await ok(services, 'home.summary', {});
    // Shanghai's visit ended exactly 12 months ago: still activity. Guilin's last real visit is older; the cancelled one does not count.
    // Kobe's task is not done yet and Zhangzhou's commitment was only typed in today: neither is an event
    // (their latest is the stage date the factory gives, 1 July 2018). Nuevo was signed this year.
    expect(home.quietAgreements.map((a) => [a.partnerName, a.lastActivityOn])).toEqual([
      ['Guilin', '2025-01-03'],
      ['Kobe', '2018-07-01'],
      ['Zhangzhou', '2018-07-01'],
    ]);
  });

  it('shows the next visits that are planned or confirmed, soonest first', async () => {
    const services = await openTestServices({ now: () => NOW });
    await ok(services, 'visits.create', visitFields({ purpose: 'en curso', status: 'confirmed', startsOn: '2026-04-18', endsOn: '2026-04-20' }));
    await ok(services, 'visits.create', visitFields({ purpose: 'pronto', status: 'planned', startsOn: '2026-05-02', endsOn: '2026-05-03' }));
    await ok(services, 'visits.create', visitFields({ purpose: 'cancelada', status: 'cancelled', startsOn: '2026-04-25', endsOn: '2026-04-26' }));
    await ok(services, 'visits.create', visitFields({ purpose: 'pasada', status: 'confirmed', startsOn: '2026-04-10', endsOn: '2026-04-19' }));
    expect((await ok(services, 'home.summary', {})).nextVisits.map((v) => v.purpose)).toEqual(['en curso', 'pronto']);
  });

  it('notifies at start-up only when something is overdue', () => {
    const t = createI18n('es').t;
    const notes: { title: string; body: string }[] = [];
    const task = { ...taskFields(), id: 1, version: 1, title: 'Enviar la lista de becarios', dueOn: '2026-04-15' } as never;
    expect(remindOverdue({ overdue: { total: 0, rows: [] } }, t, 'es-419', (n) => notes.push(n))).toBe(false);
    expect(notes).toEqual([]);
    expect(remindOverdue({ overdue: { total: 3, rows: [task] } }, t, 'es-419', (n) => notes.push(n))).toBe(true);
    expect(notes).toEqual([{ title: '3 tareas vencidas', body: '«Enviar la lista de becarios» venció el 15 de abril de 2026.' }]);
    remindOverdue({ overdue: { total: 1, rows: [task] } }, createI18n('pt').t, 'pt-BR', (n) => notes.push(n));
    expect(notes[1]?.title).toBe('1 tarefa atrasada');
  });

  it('notifies at start-up of agreements due for renewal or expiry inside the window, soonest first', () => {
    const notes: { title: string; body: string }[] = [];
    const date = (agreementId: number, partnerName: string, which: 'renewal' | 'expiry', on: string) => ({
      agreementId,
      partnerName,
      partnerNativeName: null,
      which,
      date: on,
    });
    expect(remindAgreementDates({ agreementDates: [] }, createI18n('es').t, 'es-419', (n) => notes.push(n))).toBe(false);
    expect(notes).toEqual([]);
    const agreementDates = [date(2, 'Kobe', 'expiry', '2026-06-01'), date(1, 'Zhangzhou', 'renewal', '2026-05-12'), date(2, 'Kobe', 'renewal', '2026-05-20')];
    expect(remindAgreementDates({ agreementDates }, createI18n('es').t, 'es-419', (n) => notes.push(n))).toBe(true);
    remindAgreementDates({ agreementDates: [date(1, 'Zhangzhou', 'expiry', '2026-05-12')] }, createI18n('pt').t, 'pt-BR', (n) => notes.push(n));
    expect(notes).toEqual([
      { title: '2 acuerdos vencen o se renuevan pronto', body: 'Zhangzhou: renovación el 12 de mayo de 2026 y 2 más' },
      { title: 'Um acordo vence ou é renovado em breve', body: 'Zhangzhou: vence em 12 de maio de 2026' },
    ]);
  });
});

describe('deleting what others depend on', () => {
  it('refuses to delete an agreement with visits or tasks, naming them; archiving works; an unused one goes', async () => {
    const services = await openTestServices();
    const { agreement } = await partnerWithAgreement(services);
    await ok(services, 'visits.create', visitFields({ agreementIds: [agreement.id] }));
    const before = tableCounts(services);
    const refused = await services.dispatch('agreements.delete', { id: agreement.id });
    expect(!refused.ok && refused.error).toEqual({
      kind: 'conflict',
      message: 'deletionErrors.agreement_visits|{"count":1,"names":"Firma del hermanamiento con Zhangzhou (12 abr 2026)"}',
    });
    expect(tableCounts(services)).toEqual(before);
    expect((await ok(services, 'agreements.archive', { id: agreement.id })).archivedAt).not.toBeNull();

    const second = (await partnerWithAgreement(services, { name: 'Kobe' })).agreement;
    await ok(services, 'tasks.create', taskFields({ link: { kind: 'agreement', id: second.id } }));
    const tasks = await services.dispatch('agreements.delete', { id: second.id });
    expect(!tasks.ok && tasks.error).toEqual({
      kind: 'conflict',
      message: 'deletionErrors.agreement_tasks|{"count":1,"names":"Enviar fotos oficiales de la firma"}',
    });

    const unused = (await partnerWithAgreement(services, { name: 'Córdoba' })).agreement;
    await ok(services, 'agreements.delete', { id: unused.id });
    expect((await services.dispatch('agreements.get', { id: unused.id })).ok).toBe(false);
    const audit = services.opened.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'agreement' AND entity_id = ? ORDER BY id").all(unused.id);
    expect(audit).toEqual([{ action: 'create' }, { action: 'delete' }]);
  });
});

describe('settings and sample data', () => {
  it('keeps a staff list and a reminder window, with defaults', async () => {
    const services = await openTestServices();
    const defaults = await ok(services, 'settings.get', {});
    expect(defaults).toMatchObject({ staff: [], reminderWindowDays: 60 });
    const saved = await ok(services, 'settings.update', { staff: ['Ana Torres', 'Luis Quispe', '王芳'], reminderWindowDays: 90 });
    expect(saved).toMatchObject({ staff: ['Ana Torres', 'Luis Quispe', '王芳'], reminderWindowDays: 90 });
  });

  it('loads the Zhangzhou signing trip, the Shanghai delegation and tasks, one overdue', async () => {
    const services = await openTestServices({ now: () => NOW });
    await ok(services, 'sample.load', {});
    const visits = await ok(services, 'visits.list', {});
    expect(visits.rows.map((v) => [v.direction, v.purpose])).toEqual([
      ['inbound', 'Delegación de Shanghai: seguimiento de la cooperación en planificación urbana'],
      ['outbound', 'Firma del hermanamiento Lima–Zhangzhou'],
    ]);
    const trip = await ok(services, 'visits.get', { id: visits.rows[1]!.id });
    expect(trip.startsOn).toBe('2026-04-12');
    expect(trip.participants.some((p) => p.nativeName === '林晓明')).toBe(true);
    expect(trip.costTotals.office.map((c) => c.currency)).toEqual(['PEN', 'USD']);
    expect(trip.costTotals.others.map((c) => c.currency)).toEqual(['CNY']);
    expect(trip.agreements[0]?.partnerNativeName).toBe('漳州市');
    const zhangzhou = await ok(services, 'agreements.get', { id: trip.agreementIds[0]! });
    expect(zhangzhou).toMatchObject({ stage: 'signed', signedOn: '2026-04-13' });
    const home = await ok(services, 'home.summary', {});
    expect(home.overdue.total).toBe(1);
    expect(home.dueThisWeek.total).toBeGreaterThan(0);
    expect(home.nextVisits.map((v) => v.direction)).toEqual(['inbound']);
    expect((await ok(services, 'tasks.list', { view: 'done' })).total).toBe(2);
    expect((await ok(services, 'settings.get', {})).staff).toContain('Ana Torres');
  });
});
