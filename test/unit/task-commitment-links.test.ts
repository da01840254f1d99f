import { describe, expect, it } from 'vitest';
import { commitmentFields, partnerWithAgreement, taskFields } from '../support/factories.ts';
import { ok, openTestServices, tableCounts } from '../support/temp-db.ts';

describe('tasks that follow up a commitment', () => {
  it('are created, named and listed under their commitment only', async () => {
    const services = await openTestServices();
    const { agreement } = await partnerWithAgreement(services, { name: 'Shanghai', nativeName: '上海市' });
    const becas = await ok(services, 'commitments.create', commitmentFields(agreement.id, { description: 'Seis becas de verano' }));
    const other = await ok(services, 'commitments.create', commitmentFields(agreement.id, { description: 'Donación de vehículos' }));
    const task = await ok(services, 'tasks.create', taskFields({ title: 'Enviar la lista de becarios', link: { kind: 'commitment', id: becas.id } }));
    await ok(services, 'tasks.create', taskFields({ title: 'Recoger el acta de entrega', link: { kind: 'commitment', id: other.id } }));
    await ok(services, 'tasks.create', taskFields({ title: 'Sin vínculo', link: null }));

    expect(task.link).toMatchObject({ kind: 'commitment', id: becas.id, label: 'Seis becas de verano · Shanghai' });
    const listed = await ok(services, 'tasks.list', { view: 'all', link: { kind: 'commitment', id: becas.id } });
    expect(listed.rows.map((t) => t.title)).toEqual(['Enviar la lista de becarios']);
    expect((await ok(services, 'tasks.get', { id: task.id })).link?.kind).toBe('commitment');
  });

  it('refuses a link to a commitment that does not exist and writes nothing', async () => {
    const services = await openTestServices();
    const before = tableCounts(services);
    const result = await services.call('tasks.create', taskFields({ link: { kind: 'commitment', id: 999 } }));
    expect(result.ok).toBe(false);
    expect(tableCounts(services)).toEqual(before);
  });

  it('keeps the database rule of one linked record per task', async () => {
    const services = await openTestServices();
    const { agreement } = await partnerWithAgreement(services, { name: 'Fujian' });
    const c = await ok(services, 'commitments.create', commitmentFields(agreement.id));
    const task = await ok(services, 'tasks.create', taskFields({ link: { kind: 'commitment', id: c.id } }));
    expect(() => services.opened.sqlite.prepare('UPDATE tasks SET agreement_id = ? WHERE id = ?').run(agreement.id, task.id)).toThrow(
      /more than one linked record/,
    );
  });
});
