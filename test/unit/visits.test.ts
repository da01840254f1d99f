import { describe, expect, it } from 'vitest';
import { partnerWithAgreement, taskFields, visitFields, wangFields } from '../support/factories.ts';
import { ok, openTestServices, tableCounts } from '../support/temp-db.ts';

describe('contacts, visits and tasks', () => {
  it('logs a visit with a new participant, agenda, outcomes, costs and gifts, keeping Chinese and accents', async () => {
    const services = await openTestServices();
    const { partner, agreement } = await partnerWithAgreement(services, { name: 'Zhangzhou', nativeName: '漳州市' });
    const mayor = await ok(services, 'contacts.create', { name: 'Roberto Briceño', title: 'Alcalde', organisation: 'Municipalidad' });
    const visit = await ok(services, 'visits.create', {
      ...visitFields({ localityId: partner.id, agreementIds: [agreement.id] }),
      participants: [
        { contactId: mayor.id, role: 'head_of_delegation' },
        { newContact: wangFields, role: 'host' },
      ],
      agenda: [{ onDate: '2026-04-13', atTime: '09:30', place: '市政府', what: 'Firma del acuerdo', withWhom: '王市长' }],
      outcomes: [{ text: 'Becas para los mejores alumnos de Chimbote' }, { text: 'Proyecto de infraestructura portuaria' }],
      costs: [
        { item: 'Pasajes', amountMinor: 1250000, currency: 'PEN', paidBy: 'ours' },
        { item: 'Viáticos', amountMinor: 300050, currency: 'pen', paidBy: 'ours' },
        { item: 'Hotel', amountMinor: 480000, currency: 'CNY', paidBy: 'partner' },
      ],
      gifts: [{ direction: 'given', what: 'Cerámica de Chulucanas', counterpart: '王市长', valueMinor: 45000, currency: 'PEN' }],
      dietaryNotes: 'Vegetariano: 1',
    });
    expect(visit.participants.map((p) => [p.name, p.nativeName, p.role])).toEqual([
      ['Roberto Briceño', null, 'head_of_delegation'],
      ['Wang Wei', '王伟', 'host'],
    ]);
    // Paid by the office apart from paid by the partner, each per currency.
    expect(visit.costTotals).toEqual({ office: [{ currency: 'PEN', minor: 1550050 }], others: [{ currency: 'CNY', minor: 480000 }] });
    expect(visit.agenda[0]).toMatchObject({ place: '市政府', withWhom: '王市长', atTime: '09:30' });
    expect(visit.agreements[0]).toMatchObject({ partnerName: 'Zhangzhou', partnerNativeName: '漳州市' });
    expect(visit.locality?.nativeName).toBe('漳州市');
    const found = await ok(services, 'contacts.list', { search: '王伟' });
    expect(found.rows.map((r) => r.name)).toEqual(['Wang Wei']);
    expect((await ok(services, 'contacts.list', { search: 'briceno' })).total).toBe(1);
    const wang = await ok(services, 'contacts.get', { id: found.rows[0]!.id });
    expect(wang.visits.map((v) => v.role)).toEqual(['host']);
  });

  it('turns an outcome into a task linked to the visit, once, and keeps the link across edits', async () => {
    const services = await openTestServices({ now: () => new Date('2026-04-20T12:00:00Z') });
    const visit = await ok(services, 'visits.create', { ...visitFields(), outcomes: [{ text: 'Enviar lista de becarios' }, { text: 'Otra' }] });
    const outcome = visit.outcomes[0]!;
    const task = await ok(services, 'visits.outcomeToTask', { outcomeId: outcome.id, dueOn: '2026-05-15', assignee: 'Ana Torres' });
    expect(task).toMatchObject({ title: 'Enviar lista de becarios', status: 'open', dueOn: '2026-05-15', link: { kind: 'visit', id: visit.id } });
    expect(task.link?.label).toContain('Firma del hermanamiento');
    const again = await services.dispatch('visits.outcomeToTask', { outcomeId: outcome.id });
    expect(!again.ok && again.error).toEqual({ kind: 'conflict', message: 'visitsErrors.outcome_has_task' });
    const withTask = await ok(services, 'visits.get', { id: visit.id });
    expect(withTask.outcomes[0]).toMatchObject({ taskId: task.id, taskStatus: 'open' });
    expect(withTask.tasks.map((t) => t.id)).toEqual([task.id]);
    // Editing the visit with the outcome's id keeps its task; dropping the other outcome removes only it.
    const edited = await ok(services, 'visits.update', {
      ...visitFields(),
      id: visit.id,
      version: withTask.version,
      outcomes: [{ id: outcome.id, text: 'Enviar lista de becarios (corregido)' }],
    });
    expect(edited.outcomes).toEqual([{ id: outcome.id, text: 'Enviar lista de becarios (corregido)', taskId: task.id, taskStatus: 'open' }]);
  });

  it('marks a task done in one call, keeps the completion date, and clears it on reopening', async () => {
    const services = await openTestServices({ now: () => new Date('2026-04-20T12:00:00Z') });
    const task = await ok(services, 'tasks.create', taskFields());
    const done = await ok(services, 'tasks.setStatus', { id: task.id, version: task.version, status: 'done' });
    expect(done).toMatchObject({ status: 'done', completedOn: '2026-04-20' });
    const edited = await ok(services, 'tasks.update', { ...taskFields({ title: 'Fotos enviadas', status: 'done' }), id: task.id, version: done.version });
    expect(edited.completedOn).toBe('2026-04-20');
    const reopened = await ok(services, 'tasks.setStatus', { id: task.id, version: edited.version, status: 'open' });
    expect(reopened.completedOn).toBeNull();
    const stale = await services.dispatch('tasks.setStatus', { id: task.id, version: done.version, status: 'done' });
    expect(!stale.ok && stale.error).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/^errors\.stale/) });
  });

  it('lists tasks by view: mine, open, overdue, due in N days, done', async () => {
    const services = await openTestServices({ now: () => new Date('2026-04-20T12:00:00Z') });
    await ok(services, 'settings.update', { userName: 'Ana Torres' });
    await ok(services, 'tasks.create', taskFields({ title: 'Vencida', dueOn: '2026-04-19' }));
    await ok(services, 'tasks.create', taskFields({ title: 'Hoy', dueOn: '2026-04-20', assignee: 'Luis Quispe' }));
    await ok(services, 'tasks.create', taskFields({ title: 'En 7 días', dueOn: '2026-04-26', priority: 'high' }));
    await ok(services, 'tasks.create', taskFields({ title: 'En 8 días', dueOn: '2026-04-27' }));
    await ok(services, 'tasks.create', taskFields({ title: 'Sin fecha', dueOn: null }));
    await ok(services, 'tasks.create', taskFields({ title: 'Hecha', dueOn: '2026-04-01', status: 'done' }));
    const titles = async (input: object) => (await ok(services, 'tasks.list', input)).rows.map((r) => r.title);
    expect(await titles({ view: 'overdue' })).toEqual(['Vencida']);
    expect(await titles({ view: 'due_soon', days: 7 })).toEqual(['Hoy', 'En 7 días']);
    expect(await titles({ view: 'due_soon', days: 1 })).toEqual(['Hoy']);
    expect(await titles({ view: 'open' })).toEqual(['Vencida', 'Hoy', 'En 7 días', 'En 8 días', 'Sin fecha']);
    expect(await titles({ view: 'mine' })).toEqual(['Vencida', 'En 7 días', 'En 8 días', 'Sin fecha']);
    expect(await titles({ view: 'done' })).toEqual(['Hecha']);
    expect(await titles({ view: 'all', sort: 'priority' })).toHaveLength(6);
    expect((await titles({ view: 'all', sort: 'priority' }))[0]).toBe('En 7 días');
    expect(await titles({ view: 'all', search: 'vencida' })).toEqual(['Vencida']);
  });

  it('links a task to an agreement or a visit, and refuses a link to nothing', async () => {
    const services = await openTestServices();
    const { agreement } = await partnerWithAgreement(services);
    const task = await ok(services, 'tasks.create', taskFields({ link: { kind: 'agreement', id: agreement.id } }));
    expect(task.link).toEqual({ kind: 'agreement', id: agreement.id, label: 'Shanghai 上海市' });
    expect((await ok(services, 'tasks.list', { view: 'all', link: { kind: 'agreement', id: agreement.id } })).total).toBe(1);
    const before = tableCounts(services);
    const bad = await services.dispatch('tasks.create', taskFields({ link: { kind: 'visit', id: 999 } }));
    expect(!bad.ok && bad.error).toEqual({ kind: 'validation', issues: [{ path: ['link'], message: 'errors.not_found' }] });
    expect(tableCounts(services)).toEqual(before);
    // The file itself refuses two links at once.
    expect(() =>
      services.opened.sqlite
        .prepare(
          "INSERT INTO tasks (title, priority, status, agreement_id, visit_id, search_text, created_at, updated_at) VALUES ('x','normal','open',?,?,'','t','t')",
        )
        .run(agreement.id, 1),
    ).toThrow();
  });

  it('filters visits by direction, status, year, partner, agreement and text', async () => {
    const services = await openTestServices();
    const { partner, agreement } = await partnerWithAgreement(services);
    const other = await ok(services, 'localities.create', { name: 'Kobe', nativeName: '神戸市', country: 'JP', level: 'city' });
    await ok(services, 'visits.create', visitFields({ purpose: 'Firma', agreementIds: [agreement.id] }));
    await ok(
      services,
      'visits.create',
      visitFields({
        purpose: 'Delegación de Shanghái',
        direction: 'inbound',
        status: 'planned',
        startsOn: '2025-09-01',
        endsOn: '2025-09-03',
        localityId: partner.id,
      }),
    );
    await ok(
      services,
      'visits.create',
      visitFields({ purpose: 'Feria en Kobe', status: 'cancelled', startsOn: '2025-01-10', endsOn: '2025-01-12', localityId: other.id }),
    );
    const purposes = async (input: object) => (await ok(services, 'visits.list', input)).rows.map((r) => r.purpose);
    expect(await purposes({})).toEqual(['Firma', 'Delegación de Shanghái', 'Feria en Kobe']);
    expect(await purposes({ direction: 'inbound' })).toEqual(['Delegación de Shanghái']);
    expect(await purposes({ status: 'cancelled' })).toEqual(['Feria en Kobe']);
    expect(await purposes({ year: 2025 })).toEqual(['Delegación de Shanghái', 'Feria en Kobe']);
    expect(await purposes({ partnerId: partner.id })).toEqual(['Firma', 'Delegación de Shanghái']);
    expect(await purposes({ agreementId: agreement.id })).toEqual(['Firma']);
    expect(await purposes({ search: 'shanghai' })).toEqual(['Delegación de Shanghái']);
    expect(await purposes({ search: '神戸' })).toEqual(['Feria en Kobe']);
    expect(await purposes({ sort: 'startsOn', dir: 'asc' })).toEqual(['Feria en Kobe', 'Delegación de Shanghái', 'Firma']);
  });

  it('refuses to delete a contact who took part in a visit, naming the visit; archiving still works', async () => {
    const services = await openTestServices();
    const wang = await ok(services, 'contacts.create', wangFields);
    await ok(services, 'visits.create', { ...visitFields(), participants: [{ contactId: wang.id, role: 'host' }] });
    const before = tableCounts(services);
    const refused = await services.dispatch('contacts.delete', { id: wang.id });
    expect(!refused.ok && refused.error).toEqual({
      kind: 'conflict',
      message: 'contactsErrors.delete_participant|{"count":1,"names":"Firma del hermanamiento con Zhangzhou (12 abr 2026)"}',
    });
    expect(tableCounts(services)).toEqual(before);
    expect(() => services.opened.sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(wang.id)).toThrow(/FOREIGN KEY/);
    expect((await ok(services, 'contacts.archive', { id: wang.id })).archivedAt).not.toBeNull();
    // An archived contact can no longer be added to another visit.
    const add = await services.dispatch('visits.create', { ...visitFields(), participants: [{ contactId: wang.id, role: 'host' }] });
    expect(!add.ok && add.error).toEqual({
      kind: 'validation',
      issues: [{ path: ['participants', 0, 'contactId'], message: 'visitsErrors.contact_archived' }],
    });
    const lone = await ok(services, 'contacts.create', { name: 'Nadie' });
    await ok(services, 'contacts.delete', { id: lone.id });
    expect((await services.dispatch('contacts.get', { id: lone.id })).ok).toBe(false);
  });

  it('refuses to delete a visit that tasks came from or files are attached to', async () => {
    const services = await openTestServices();
    const visit = await ok(services, 'visits.create', { ...visitFields(), outcomes: [{ text: 'Enviar fotos' }] });
    await ok(services, 'visits.outcomeToTask', { outcomeId: visit.outcomes[0]!.id });
    const refused = await services.dispatch('visits.delete', { id: visit.id });
    expect(!refused.ok && refused.error).toEqual({ kind: 'conflict', message: 'visitsErrors.delete_tasks|{"count":1,"names":"Enviar fotos"}' });
    const plain = await ok(services, 'visits.create', visitFields());
    await ok(services, 'visits.delete', { id: plain.id });
    expect(services.opened.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'visit' AND entity_id = ? ORDER BY id").all(plain.id)).toEqual([
      { action: 'create' },
      { action: 'delete' },
    ]);
    const withPhoto = await ok(services, 'visits.create', visitFields());
    const photo = await ok(services, 'attachments.add', {
      entity: 'visit',
      entityId: withPhoto.id,
      fileName: '合影 en el Palacio.jpg',
      contentBase64: Buffer.from('foto').toString('base64'),
    });
    const keepsPhoto = await services.dispatch('visits.delete', { id: withPhoto.id });
    expect(!keepsPhoto.ok && keepsPhoto.error).toEqual({
      kind: 'conflict',
      message: 'visitsErrors.delete_attachments|{"count":1,"names":"合影 en el Palacio.jpg"}',
    });
    await ok(services, 'attachments.remove', { linkId: photo.linkId });
    await ok(services, 'visits.delete', { id: withPhoto.id });
  });

  it('writes nothing when a new participant in the same save is invalid', async () => {
    const services = await openTestServices();
    const before = tableCounts(services);
    const result = await services.dispatch('visits.create', {
      ...visitFields(),
      participants: [
        { newContact: wangFields, role: 'host' },
        { newContact: { ...wangFields, name: 'Li Na', localityId: 999 }, role: 'member' },
      ],
    });
    expect(!result.ok && result.error).toEqual({
      kind: 'validation',
      issues: [{ path: ['participants', 1, 'newContact', 'localityId'], message: 'errors.not_found' }],
    });
    expect(tableCounts(services)).toEqual(before);
  });

  it('warns about a similar name before saving: accents, case and one typo', async () => {
    const services = await openTestServices();
    const wang = await ok(services, 'contacts.create', wangFields);
    await ok(services, 'contacts.create', { name: 'María Fernández' });
    const similar = async (name: string, nativeName?: string) => (await ok(services, 'contacts.similar', { name, nativeName })).map((c) => c.name);
    expect(await similar('wang wei')).toEqual(['Wang Wei']);
    expect(await similar('Wáng Wěi')).toEqual(['Wang Wei']);
    expect(await similar('Wang Wie')).toEqual(['Wang Wei']);
    expect(await similar('Maria Fernandes')).toEqual(['María Fernández']);
    expect(await similar('Li Qiang')).toEqual([]);
    expect(await similar('W. Wei', '王伟')).toEqual(['Wang Wei']);
    expect((await ok(services, 'contacts.similar', { name: 'Wang Wei', excludeId: wang.id })).length).toBe(0);
  });

  it('audits every change to contacts, visits and tasks', async () => {
    const services = await openTestServices();
    const c = await ok(services, 'contacts.create', wangFields);
    await ok(services, 'contacts.update', { ...wangFields, phone: '+86 596 000', id: c.id, version: c.version });
    const v = await ok(services, 'visits.create', visitFields());
    await ok(services, 'visits.archive', { id: v.id });
    await ok(services, 'visits.restore', { id: v.id });
    const t = await ok(services, 'tasks.create', taskFields());
    await ok(services, 'tasks.setStatus', { id: t.id, version: t.version, status: 'done' });
    await ok(services, 'tasks.delete', { id: t.id });
    const rows = services.opened.sqlite.prepare("SELECT entity, action FROM audit_log WHERE entity IN ('contact','visit','task') ORDER BY id").all();
    expect(rows).toEqual([
      { entity: 'contact', action: 'create' },
      { entity: 'contact', action: 'update' },
      { entity: 'visit', action: 'create' },
      { entity: 'visit', action: 'archive' },
      { entity: 'visit', action: 'restore' },
      { entity: 'task', action: 'create' },
      { entity: 'task', action: 'update' },
      { entity: 'task', action: 'delete' },
    ]);
  });

  it('keeps the database rules when the boundary is bypassed', async () => {
    const services = await openTestServices();
    const raw = services.opened.sqlite;
    const v = await ok(services, 'visits.create', visitFields());
    const cost = (amount: unknown, currency: string, paidBy = 'ours') =>
      raw.prepare('INSERT INTO visit_costs (visit_id, item, amount_minor, currency, paid_by) VALUES (?, ?, ?, ?, ?)').run(v.id, 'x', amount, currency, paidBy);
    expect(() => cost(-1, 'PEN')).toThrow(/CHECK/);
    expect(() => cost(1.5, 'PEN')).toThrow(/CHECK/);
    expect(() => cost(100, 'pen')).toThrow(/CHECK/);
    expect(() => cost(100, 'PEN', 'friend')).toThrow(/CHECK/);
    expect(() => raw.prepare("UPDATE visits SET ends_on = '2000-01-01' WHERE id = ?").run(v.id)).toThrow(/CHECK/);
    expect(() =>
      raw.prepare("INSERT INTO tasks (title, priority, status, search_text, created_at, updated_at) VALUES ('x','normal','done','','t','t')").run(),
    ).toThrow(/CHECK/);
    expect(() => raw.prepare('INSERT INTO visit_agreements (visit_id, agreement_id) VALUES (?, 999)').run(v.id)).toThrow(/FOREIGN KEY/);
  });
});
