import { describe, expect, it } from 'vitest';
import type { Services } from '../../electron/core/services.ts';
import { partnerWithAgreement, taskFields, visitFields, wangFields } from '../support/factories.ts';
import { ok, openTestServices } from '../support/temp-db.ts';

/** Every row of every table but the audit log, to prove an undo put back exactly what was there. */
function dump(services: Services): Record<string, unknown[]> {
  const sqlite = services.opened.sqlite;
  const tables = sqlite
    .prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((t) => [t, sqlite.prepare(`SELECT * FROM main."${t}" ORDER BY 1, 2`).all()]));
}

async function failure(
  services: Services,
  name: 'undo.apply',
  input: { call: 'visits.delete' | 'contacts.archive' | 'tasks.delete' | 'agreements.archive'; id: number },
) {
  const result = await services.call(name, input);
  if (result.ok) throw new Error('expected the undo to be refused');
  return result.error;
}

describe('undo of the last archive or deletion', () => {
  it('brings back a deleted visit with its participants, agenda, outcomes, costs, gifts and links, row for row', async () => {
    const services = await openTestServices();
    const { partner, agreement } = await partnerWithAgreement(services, { name: 'Zhangzhou', nativeName: '漳州市' });
    const visit = await ok(services, 'visits.create', {
      ...visitFields({ localityId: partner.id, agreementIds: [agreement.id] }),
      participants: [{ newContact: wangFields, role: 'host' }],
      agenda: [{ onDate: '2026-04-13', atTime: '09:30', place: '市政府', what: 'Firma del acuerdo', withWhom: '王市长' }],
      outcomes: [{ text: 'Becas para alumnos de Chimbote' }],
      costs: [{ item: 'Pasajes', amountMinor: 1250000, currency: 'PEN', paidBy: 'ours' }],
      gifts: [{ direction: 'given', what: 'Cerámica de Chulucanas', counterpart: '王市长', valueMinor: 45000, currency: 'PEN' }],
    });
    const before = dump(services);
    await ok(services, 'visits.delete', { id: visit.id });
    expect((await services.call('visits.get', { id: visit.id })).ok).toBe(false);

    const undone = await ok(services, 'undo.apply', { call: 'visits.delete', id: visit.id });
    expect(undone.rows).toBeGreaterThanOrEqual(7);
    expect(dump(services)).toEqual(before);
    const back = await ok(services, 'visits.get', { id: visit.id });
    expect(back.participants.map((p) => p.nativeName)).toEqual(['王伟']);
    expect(back.agenda[0]?.place).toBe('市政府');
    const audit = services.opened.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'visit' AND entity_id = ? ORDER BY id").pluck().all(visit.id);
    expect(audit).toEqual(['create', 'delete', 'restore']);
    // Once taken back, there is nothing left to undo.
    expect(await failure(services, 'undo.apply', { call: 'visits.delete', id: visit.id })).toEqual({ kind: 'conflict', message: 'undo.errors.gone' });
  });

  it('takes back an archive after unrelated edits, and only the call and record the screen names', async () => {
    const services = await openTestServices();
    const { agreement } = await partnerWithAgreement(services);
    const other = await ok(services, 'contacts.create', { name: 'María Gutiérrez', organisation: 'Municipalidad' });
    await ok(services, 'agreements.archive', { id: agreement.id });
    await ok(services, 'contacts.update', { ...(await ok(services, 'contacts.get', { id: other.id })), title: 'Jefa de protocolo' });
    expect(await failure(services, 'undo.apply', { call: 'agreements.archive', id: agreement.id + 1 })).toMatchObject({ message: 'undo.errors.gone' });
    expect(await failure(services, 'undo.apply', { call: 'visits.delete', id: agreement.id })).toMatchObject({ message: 'undo.errors.gone' });
    await ok(services, 'undo.apply', { call: 'agreements.archive', id: agreement.id });
    const back = await ok(services, 'agreements.get', { id: agreement.id });
    expect(back).toMatchObject({ archivedAt: null, version: agreement.version });
    expect((await ok(services, 'contacts.get', { id: other.id })).title).toBe('Jefa de protocolo');
  });

  it('refuses, changing nothing, when the record was changed since or its id was taken', async () => {
    const services = await openTestServices();
    const contact = await ok(services, 'contacts.create', { name: '李娜', organisation: 'Oficina de Asuntos Exteriores de Fujian' });
    await ok(services, 'contacts.archive', { id: contact.id });
    await ok(services, 'contacts.restore', { id: contact.id });
    await ok(services, 'contacts.archive', { id: contact.id });
    await ok(services, 'contacts.update', { ...(await ok(services, 'contacts.get', { id: contact.id })), email: 'li.na@fujian.example.cn' });
    const edited = dump(services);
    expect(await failure(services, 'undo.apply', { call: 'contacts.archive', id: contact.id })).toEqual({ kind: 'conflict', message: 'undo.errors.changed' });
    expect(dump(services)).toEqual(edited);

    // SQLite hands a deleted row's id to the next new row; undoing then would overwrite the new task.
    const task = await ok(services, 'tasks.create', taskFields());
    await ok(services, 'tasks.delete', { id: task.id });
    const reused = await ok(services, 'tasks.create', taskFields({ title: 'Reservar hotel en Fuzhou' }));
    expect(reused.id).toBe(task.id);
    expect(await failure(services, 'undo.apply', { call: 'tasks.delete', id: task.id })).toEqual({ kind: 'conflict', message: 'undo.errors.changed' });
    expect((await ok(services, 'tasks.get', { id: task.id })).title).toBe('Reservar hotel en Fuzhou');
  });

  it('keeps the previous undo when an archive or deletion is refused', async () => {
    const services = await openTestServices();
    const { partner, agreement } = await partnerWithAgreement(services);
    await ok(services, 'visits.create', visitFields({ localityId: partner.id, agreementIds: [agreement.id] }));
    const task = await ok(services, 'tasks.create', taskFields());
    await ok(services, 'tasks.delete', { id: task.id });
    // An agreement with a visit is not deleted; that refusal must not take the task's undo with it.
    expect((await services.call('agreements.delete', { id: agreement.id })).ok).toBe(false);
    await ok(services, 'undo.apply', { call: 'tasks.delete', id: task.id });
    expect((await ok(services, 'tasks.get', { id: task.id })).title).toBe(task.title);
  });
});
