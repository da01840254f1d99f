import { describe, expect, it } from 'vitest';
import { loadAnnualReport } from '../../electron/core/reports/annual/data.ts';
import { commitmentFields, partnerWithAgreement, visitFields } from '../support/factories.ts';
import { docxPart, paragraphs } from '../support/docx-reader.ts';
import { ok, openTestServices } from '../support/temp-db.ts';

// The cases issue 12 was found with, each kept as its own test; the
// reconciliation test covers the same rules over generated offices.

describe('one figure, one answer', () => {
  it('a fully delivered commitment with a value shows that value delivered, on its detail, on Totals and in the report', async () => {
    const services = await openTestServices({ now: () => new Date('2026-06-15T12:00:00Z') });
    await ok(services, 'sample.load', {});
    const list = await ok(services, 'commitments.list', { limit: 100 });
    const books = list.rows.find((r) => r.description.startsWith('Donación de libros'))!;
    const cars = list.rows.find((r) => r.description.startsWith('Donación de dos automóviles'))!;
    expect((await ok(services, 'commitments.get', { id: books.id })).deliveredValue).toEqual([{ currency: 'CNY', minor: 800000 }]);
    expect((await ok(services, 'commitments.get', { id: cars.id })).deliveredValue).toEqual([{ currency: 'USD', minor: 8500000 }]);
    const totals = await ok(services, 'commitments.totals', { groupBy: 'kind' });
    expect(totals.find((r) => r.key === 'donation_in_kind')?.delivered).toEqual([
      { currency: 'CNY', minor: 800000 },
      { currency: 'USD', minor: 8500000 },
    ]);
    const report = await loadAnnualReport(services.opened.db, 2026, '2026-06-15');
    expect(report.activity.donations.find((d) => d.direction === 'receive')?.totals).toEqual([{ currency: 'CNY', minor: 800000 }]);
  });

  it('shares a promise value over its deliveries so that a full delivery adds up to exactly the value', async () => {
    const services = await openTestServices({ now: () => new Date('2026-06-15T12:00:00Z') });
    const { agreement } = await partnerWithAgreement(services);
    const c = await ok(
      services,
      'commitments.create',
      commitmentFields(agreement.id, { kind: 'donation_in_cash', quantity: 3, unit: 'cuotas', value: '100', currency: 'USD', dueOn: null }),
    );
    for (const day of ['2026-01-10', '2026-02-10'])
      await ok(services, 'commitments.addDelivery', { commitmentId: c.id, deliveredOn: day, quantity: 1, value: null, currency: null });
    expect((await ok(services, 'commitments.get', { id: c.id })).deliveredValue).toEqual([{ currency: 'USD', minor: 6667 }]);
    await ok(services, 'commitments.addDelivery', { commitmentId: c.id, deliveredOn: '2026-03-10', quantity: 1, value: null, currency: null });
    expect((await ok(services, 'commitments.get', { id: c.id })).deliveredValue).toEqual([{ currency: 'USD', minor: 10000 }]);
  });

  it('counts a donation in kind with no due date, typed in the next year, in the year it was delivered', async () => {
    // Recorded in January 2027 about December 2026: the year is what happened, not when it was typed.
    const services = await openTestServices({ now: () => new Date('2027-01-20T12:00:00Z') });
    const { agreement } = await partnerWithAgreement(services);
    const c = await ok(
      services,
      'commitments.create',
      commitmentFields(agreement.id, {
        kind: 'donation_in_kind',
        description: 'Computadoras para colegios',
        quantity: 10,
        unit: 'equipos',
        value: '12000',
        currency: 'USD',
        dueOn: null,
        areaId: 2,
      }),
    );
    await ok(services, 'commitments.addDelivery', { commitmentId: c.id, deliveredOn: '2026-12-03', quantity: 10, value: null, currency: null });
    const report = await loadAnnualReport(services.opened.db, 2026, '2027-01-20');
    expect(report.activity.donations).toEqual([{ direction: 'receive', totals: [{ currency: 'USD', minor: 1200000 }] }]);
    expect(report.activity.byKind).toEqual([{ kind: 'donation_in_kind', direction: 'receive', commitments: 1, promised: 10, delivered: 10 }]);
    expect(report.activity.commitments.map((x) => x.id)).toEqual([c.id]);
    expect(report.areas.find((a) => a.id === 2)?.commitments).toBe(1);
    // Nothing more happened to it in 2027: it is not in that year.
    expect((await loadAnnualReport(services.opened.db, 2027, '2027-01-20')).activity.commitments).toEqual([]);
    // The Totals view filtered to the year says the same.
    expect((await ok(services, 'commitments.totals', { groupBy: 'kind', year: 2026 })).map((r) => [r.key, r.commitments])).toEqual([['donation_in_kind', 1]]);
  });

  it("prints each visit's costs per currency and payer, and the counted visits' totals in the summary", async () => {
    const services = await openTestServices({ now: () => new Date('2026-06-15T12:00:00Z') });
    const costs = [
      { item: 'Pasajes', amountMinor: 1845000, currency: 'PEN', paidBy: 'ours' as const },
      { item: 'Viáticos', amountMinor: 240000, currency: 'USD', paidBy: 'ours' as const },
      { item: 'Hotel', amountMinor: 960000, currency: 'CNY', paidBy: 'partner' as const },
      { item: 'Traslados', amountMinor: 50000, currency: 'CNY', paidBy: 'third_party' as const },
    ];
    await ok(services, 'visits.create', visitFields({ costs }));
    // Still to come: listed with its costs, not counted in the totals.
    await ok(
      services,
      'visits.create',
      visitFields({
        status: 'confirmed',
        startsOn: '2026-10-01',
        endsOn: '2026-10-03',
        costs: [{ item: 'Almuerzo', amountMinor: 420000, currency: 'PEN', paidBy: 'ours' }],
      }),
    );
    const report = await loadAnnualReport(services.opened.db, 2026, '2026-06-15');
    expect(report.activity.visitCosts).toEqual({
      office: [
        { currency: 'PEN', minor: 1845000 },
        { currency: 'USD', minor: 240000 },
      ],
      others: [{ currency: 'CNY', minor: 1010000 }],
    });
    expect(report.activity.visits.map((v) => v.costs.office)).toEqual([
      [
        { currency: 'PEN', minor: 1845000 },
        { currency: 'USD', minor: 240000 },
      ],
      [{ currency: 'PEN', minor: 420000 }],
    ]);
  });
});

describe('commitments statement as at a date', () => {
  it('gives quantities, values and statuses as they stood that day, and says overdue is part of open', async () => {
    const services = await openTestServices({ now: () => new Date('2027-02-10T12:00:00Z') });
    const { agreement, partner } = await partnerWithAgreement(services);
    const becas = await ok(services, 'commitments.create', commitmentFields(agreement.id, { quantity: 6, dueOn: '2026-08-31' }));
    await ok(services, 'commitments.addDelivery', { commitmentId: becas.id, deliveredOn: '2026-07-15', quantity: 3, value: null, currency: null });
    // Delivered in full in January: at 31 December it was still open, and overdue.
    await ok(services, 'commitments.addDelivery', { commitmentId: becas.id, deliveredOn: '2027-01-20', quantity: 3, value: null, currency: null });
    const autos = await ok(
      services,
      'commitments.create',
      commitmentFields(agreement.id, { kind: 'donation_in_kind', quantity: 3, unit: 'vehículos', value: '85000', currency: 'USD', dueOn: null }),
    );
    await ok(services, 'commitments.addDelivery', { commitmentId: autos.id, deliveredOn: '2026-11-20', quantity: 3, value: null, currency: null });
    // Made in 2027: not in a statement as at 2026.
    await ok(services, 'commitments.create', commitmentFields(agreement.id, { description: 'Plazas de estudio 2027', dueOn: '2027-12-01' }));

    const preview = await ok(services, 'reports.preview', { kind: 'commitments', partnerId: partner.id, asAt: '2026-12-31', language: 'es' });
    expect(preview.figures.map((f) => [f.label.trim(), f.value])).toEqual([
      ['Compromisos', '2'],
      ['Abiertos', '1'],
      ['de ellos, vencidos', '1'],
      ['Cumplidos', '1'],
      ['Cancelados', '0'],
      ['Valor prometido a la oficina (no cancelado)', expect.stringMatching(/USD\s?85,000\.00/)],
      ['Valor recibido', expect.stringMatching(/USD\s?85,000\.00/)],
      ['Beneficiarios registrados', '0'],
    ]);
    const today = await ok(services, 'reports.preview', { kind: 'commitments', partnerId: partner.id, language: 'es' });
    expect(today.figures.find((f) => f.label === 'Cumplidos')?.value).toBe('2');
    const later = await services.call('reports.preview', { kind: 'commitments', asAt: '2027-03-01', language: 'es' });
    expect(later).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ path: ['asAt'] }] } });
  });

  it('prints the signature block from Settings at the end of the statement', async () => {
    const services = await openTestServices({ now: () => new Date('2027-02-10T12:00:00Z') });
    await ok(services, 'settings.update', {
      signatures: {
        preparedName: 'Ana Torres',
        preparedTitle: 'Jefa de Relaciones Internacionales',
        approvedName: 'Carlos Mendoza Ríos',
        approvedTitle: 'Alcalde',
      },
    });
    const file = await ok(services, 'reports.generate', { report: { kind: 'commitments', asAt: '2026-12-31', language: 'es' }, target: 'download' });
    if (file.delivered !== 'bytes') throw new Error('expected bytes');
    const text = paragraphs(docxPart(Buffer.from(file.base64, 'base64'), 'word/document.xml'));
    const line = '_______________________________';
    expect(text.slice(-8)).toEqual([
      'Elaborado por',
      line,
      'Ana Torres',
      'Jefa de Relaciones Internacionales',
      'Aprobado por',
      line,
      'Carlos Mendoza Ríos',
      'Alcalde',
    ]);
  });
});
