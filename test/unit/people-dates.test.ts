import { describe, expect, it } from 'vitest';
import { ok, openTestServices } from '../support/temp-db.ts';

// Dates people read are written the office's way, never as ISO (2026-04-12).
describe('dates in labels', () => {
  it("a task's link to a visit names the visit with its date in the office's language", async () => {
    const services = await openTestServices();
    const visit = await ok(services, 'visits.create', {
      direction: 'inbound',
      status: 'done',
      startsOn: '2026-04-12',
      endsOn: '2026-04-14',
      purpose: 'Delegación de Zhangzhou',
    });
    await ok(services, 'tasks.create', { title: 'Enviar fotos', link: { kind: 'visit', id: visit.id } });
    const label = async () => (await ok(services, 'tasks.list', {})).rows[0]!.link!.label;
    expect(await label()).toBe(
      `Delegación de Zhangzhou (${new Intl.DateTimeFormat('es-419', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2026-04-12T00:00:00Z'))})`,
    );
    expect(await label()).not.toContain('2026-04-12');
    await ok(services, 'settings.update', { language: 'pt' });
    expect(await label()).toMatch(/^Delegación de Zhangzhou \(12 de abr\.? de 2026\)$/);
  });
});
