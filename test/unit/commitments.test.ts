import { describe, expect, it } from 'vitest';
import { commitmentStatus } from '../../shared/commitment-status.ts';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../../shared/contract/commitments.ts';
import { statusFilterSql, statusSql } from '../../electron/core/features/figures/commitment-status.ts';
import { sql } from 'kysely';
import { formatMoney, sumByCurrency } from '../../shared/money.ts';
import { commitmentFields, partnerWithAgreement } from '../support/factories.ts';
import { ok, openTestServices, tableCounts } from '../support/temp-db.ts';

// "Today" for every test here: 15 June 2026.
const NOW = () => new Date('2026-06-15T15:00:00Z');
const TODAY = '2026-06-15';

async function setup() {
  const services = await openTestServices({ now: NOW, log: () => {} });
  const { partner, agreement } = await partnerWithAgreement(services);
  return { services, partner, agreement };
}

const delivery = (commitmentId: number, quantity: number, extra: object = {}) => ({ commitmentId, deliveredOn: '2026-05-02', quantity, ...extra });

describe('commitment status, derived and never typed', () => {
  it('is overdue from the day after the due date, not on it', async () => {
    const { services, agreement } = await setup();
    const dueToday = await ok(services, 'commitments.create', commitmentFields(agreement.id, { dueOn: TODAY }));
    const dueYesterday = await ok(services, 'commitments.create', commitmentFields(agreement.id, { dueOn: '2026-06-14' }));
    const undated = await ok(services, 'commitments.create', commitmentFields(agreement.id, { dueOn: null }));
    expect(dueToday.status).toBe('promised');
    expect(dueYesterday.status).toBe('overdue');
    expect(undated.status).toBe('promised');
    const partly = await ok(services, 'commitments.addDelivery', delivery(dueYesterday.id, 3));
    expect(partly.status).toBe('overdue');
    expect(partly.delivered).toBe(3);
    const partlyToday = await ok(services, 'commitments.addDelivery', delivery(dueToday.id, 3));
    expect(partlyToday.status).toBe('partly_delivered');
    const done = await ok(services, 'commitments.addDelivery', delivery(dueYesterday.id, 3));
    expect(done.status).toBe('delivered');
  });

  it('is cancelled whatever was delivered, and back to its status when reopened', async () => {
    const { services, agreement } = await setup();
    const c = await ok(services, 'commitments.create', commitmentFields(agreement.id, { dueOn: '2026-01-01' }));
    const cancelled = await ok(services, 'commitments.cancel', { id: c.id, version: c.version, reason: 'El socio retiró la oferta' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'El socio retiró la oferta' });
    const refused = await services.call('commitments.addDelivery', delivery(c.id, 1));
    expect(!refused.ok && refused.error).toEqual({ kind: 'conflict', message: 'commitmentsErrors.cancelled' });
    const reopened = await ok(services, 'commitments.reopen', { id: c.id, version: cancelled.version });
    expect(reopened.status).toBe('overdue');
  });

  it('says the same in SQL as in the shared function, for every case at the date edges', async () => {
    const { services, agreement } = await setup();
    const db = services.opened.sqlite;
    const cases: { quantity: number; delivered: number; dueOn: string | null; cancelledAt: string | null }[] = [];
    for (const quantity of [1, 6])
      for (const delivered of [0, 1, 5, 6, 7])
        for (const dueOn of [null, '2026-06-14', TODAY, '2026-06-16'])
          for (const cancelledAt of [null, '2026-06-01T00:00:00Z']) cases.push({ quantity, delivered, dueOn, cancelledAt });
    const insert =
      db.prepare(`INSERT INTO commitments (agreement_id, kind, direction, description, quantity, due_on, cancelled_at, cancel_reason, search_text, created_at, updated_at)
      VALUES (?, 'other', 'give', 'x', ?, ?, ?, ?, '', 'now', 'now')`);
    const deliver = db.prepare(
      `INSERT INTO deliveries (commitment_id, delivered_on, quantity, created_at, updated_at) VALUES (?, '2026-01-01', ?, 'now', 'now')`,
    );
    const ids = cases.map((c) => {
      const id = Number(insert.run(agreement.id, c.quantity, c.dueOn, c.cancelledAt, c.cancelledAt ? 'motivo' : null).lastInsertRowid);
      if (c.delivered) deliver.run(id, c.delivered);
      return id;
    });
    const fromSql = await sql<{ id: number; status: CommitmentStatus }>`SELECT c.id, ${statusSql(TODAY)} AS status FROM commitments c ORDER BY c.id`.execute(
      services.opened.db,
    );
    const expected = cases.map((c) => commitmentStatus(c, TODAY));
    expect(fromSql.rows.map((r) => r.status)).toEqual(expected);
    // Each status filter picks exactly the rows the function gives that status, alone and in the open trio.
    const pick = async (statuses: CommitmentStatus[]) =>
      (await sql<{ id: number }>`SELECT c.id FROM commitments c WHERE ${statusFilterSql(statuses, TODAY)} ORDER BY c.id`.execute(services.opened.db)).rows.map(
        (r) => r.id,
      );
    for (const s of COMMITMENT_STATUSES) expect(await pick([s])).toEqual(ids.filter((_, i) => expected[i] === s));
    const open: CommitmentStatus[] = ['promised', 'partly_delivered', 'overdue'];
    expect(await pick(open)).toEqual(ids.filter((_, i) => open.includes(expected[i]!)));
    expect(await pick(['overdue', 'cancelled'])).toEqual(ids.filter((_, i) => ['overdue', 'cancelled'].includes(expected[i]!)));
    expect(new Set(expected)).toEqual(new Set(COMMITMENT_STATUSES));
  });
});

describe('deliveries', () => {
  it('shows "3 of 6" and keeps beneficiaries, Chinese names included', async () => {
    const { services, agreement } = await setup();
    const c = await ok(services, 'commitments.create', commitmentFields(agreement.id));
    const after = await ok(services, 'commitments.addDelivery', {
      ...delivery(c.id, 3),
      beneficiaries: [
        { name: 'Lucía Quispe Mamani', school: 'I.E. Juana Alarco de Dammert', tutor: 'Rosa Huamán', period: 'julio–agosto 2026', destination: 'Shanghai' },
        { name: 'Chen Wei', nativeName: '陈伟', school: 'Colegio Juan XXIII' },
        { name: 'Diego Ñahui' },
      ],
    });
    expect(after).toMatchObject({ delivered: 3, quantity: 6, status: 'partly_delivered' });
    expect(after.deliveries[0]!.beneficiaries.map((b) => [b.name, b.nativeName])).toEqual([
      ['Lucía Quispe Mamani', null],
      ['Chen Wei', '陈伟'],
      ['Diego Ñahui', null],
    ]);
    const listed = await ok(services, 'commitments.list', { agreementId: agreement.id });
    expect(listed.rows[0]).toMatchObject({ delivered: 3, quantity: 6, status: 'partly_delivered' });
  });

  it('asks before an over-delivery, writes nothing until confirmed, then records it as such', async () => {
    const { services, agreement } = await setup();
    const c = await ok(services, 'commitments.create', commitmentFields(agreement.id));
    await ok(services, 'commitments.addDelivery', delivery(c.id, 5));
    const before = tableCounts(services);
    const refused = await services.call('commitments.addDelivery', delivery(c.id, 2, { beneficiaries: [{ name: 'Ana' }] }));
    expect(!refused.ok && refused.error).toEqual({
      kind: 'conflict',
      message: 'commitmentsErrors.over_delivery|{"promised":6,"delivered":5,"adding":2,"unit":"becas"}',
    });
    expect(tableCounts(services)).toEqual(before);
    const confirmed = await ok(services, 'commitments.addDelivery', delivery(c.id, 2, { confirmOverDelivery: true }));
    expect(confirmed).toMatchObject({ delivered: 7, quantity: 6, status: 'delivered' });
    expect(confirmed.deliveries.map((d) => d.overDeliveryConfirmed)).toEqual([false, true]);
    // Editing the first delivery down brings the total back within the promise without asking.
    const first = confirmed.deliveries[0]!;
    const edited = await ok(services, 'commitments.updateDelivery', { id: first.id, version: first.version, deliveredOn: first.deliveredOn, quantity: 4 });
    expect(edited.delivered).toBe(6);
  });

  it('refuses lowering the promise under what arrived, a future delivery date, and a stale edit', async () => {
    const { services, agreement } = await setup();
    const c = await ok(services, 'commitments.create', commitmentFields(agreement.id));
    const withFour = await ok(services, 'commitments.addDelivery', delivery(c.id, 4));
    const before = tableCounts(services);
    const lower = await services.call('commitments.update', { ...commitmentFields(agreement.id, { quantity: 3 }), id: c.id, version: withFour.version });
    expect(!lower.ok && lower.error.kind === 'validation' && lower.error.issues[0]?.path).toEqual(['quantity']);
    const future = await services.call('commitments.addDelivery', { ...delivery(c.id, 1), deliveredOn: '2026-06-16' });
    expect(!future.ok && future.error.kind).toBe('validation');
    const stale = await services.call('commitments.update', { ...commitmentFields(agreement.id, { quantity: 8 }), id: c.id, version: c.version + 5 });
    expect(!stale.ok && stale.error).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/^errors\.stale/) });
    const noAgreement = await services.call('commitments.create', commitmentFields(9999));
    expect(!noAgreement.ok && noAgreement.error.kind === 'validation' && noAgreement.error.issues[0]?.path).toEqual(['agreementId']);
    expect(tableCounts(services)).toEqual(before);
  });

  it('removes a delivery with its beneficiaries and keeps it whole in the audit log', async () => {
    const { services, agreement } = await setup();
    const c = await ok(services, 'commitments.create', commitmentFields(agreement.id));
    const added = await ok(services, 'commitments.addDelivery', delivery(c.id, 2, { beneficiaries: [{ name: '王小明', nativeName: '王小明' }] }));
    const d = added.deliveries[0]!;
    const after = await ok(services, 'commitments.removeDelivery', { id: d.id, version: d.version });
    expect(after).toMatchObject({ delivered: 0, status: 'promised', deliveries: [] });
    expect(tableCounts(services).beneficiaries).toBe(0);
    const row = services.opened.sqlite.prepare("SELECT before_json FROM audit_log WHERE entity = 'delivery' AND action = 'delete'").get() as {
      before_json: string;
    };
    expect(JSON.parse(row.before_json).beneficiaries[0].name).toBe('王小明');
  });
});

describe('lists and totals', () => {
  it('lists open commitments by due date, undated last, and filters by every field', async () => {
    const { services, agreement, partner } = await setup();
    const other = await partnerWithAgreement(services, { name: 'Kobe', nativeName: '神戸市', country: 'JP' });
    const make = (agreementId: number, overrides: object) => ok(services, 'commitments.create', commitmentFields(agreementId, overrides));
    const late = await make(agreement.id, { description: 'Vencido', dueOn: '2026-03-01' });
    const undated = await make(agreement.id, { description: 'Sin fecha', dueOn: null, kind: 'training', direction: 'give' });
    const soon = await make(other.agreement.id, { description: 'Pronto', dueOn: '2026-07-01', areaId: 5 });
    const done = await make(agreement.id, { description: 'Hecho', dueOn: '2026-01-01', quantity: 1 });
    await ok(services, 'commitments.addDelivery', delivery(done.id, 1));
    const open = await ok(services, 'commitments.list', { statuses: ['promised', 'partly_delivered', 'overdue'], sort: 'dueOn' });
    expect(open.rows.map((r) => r.description)).toEqual(['Vencido', 'Pronto', 'Sin fecha']);
    expect(open.total).toBe(3);
    const ids = async (input: object) => (await ok(services, 'commitments.list', input)).rows.map((r) => r.id).sort();
    expect(await ids({ statuses: ['delivered'] })).toEqual([done.id]);
    expect(await ids({ kind: 'training' })).toEqual([undated.id]);
    expect(await ids({ direction: 'give' })).toEqual([undated.id]);
    expect(await ids({ areaId: 5 })).toEqual([soon.id]);
    expect(await ids({ partnerId: partner.id })).toEqual([late.id, undated.id, done.id].sort());
    expect(await ids({ year: 2026, partnerId: other.partner.id })).toEqual([soon.id]);
    expect(await ids({ search: 'KOBE' })).toEqual([soon.id]);
    expect(await ids({ search: '神戸' })).toEqual([soon.id]);
  });

  it('adds money per currency and never across currencies', async () => {
    const { services, agreement } = await setup();
    const kobe = await partnerWithAgreement(services, { name: 'Kobe', nativeName: '神戸市', country: 'JP' });
    const cars = await ok(
      services,
      'commitments.create',
      commitmentFields(agreement.id, { kind: 'donation_in_kind', quantity: 3, unit: 'vehículos', value: '85,000.00', currency: 'USD', dueOn: '2018-12-31' }),
    );
    await ok(
      services,
      'commitments.create',
      commitmentFields(agreement.id, { kind: 'donation_in_kind', quantity: 1, value: '15000.5', currency: 'USD', dueOn: '2019-03-01' }),
    );
    await ok(services, 'commitments.create', commitmentFields(agreement.id, { value: '12 000.00', currency: 'PEN', direction: 'give', dueOn: '2019-06-01' }));
    await ok(
      services,
      'commitments.create',
      commitmentFields(kobe.agreement.id, { kind: 'donation_in_cash', quantity: 1, value: '2000000', currency: 'JPY', dueOn: '2019-10-01' }),
    );
    await ok(services, 'commitments.addDelivery', { ...delivery(cars.id, 3), deliveredOn: '2018-11-20', value: '80000', currency: 'USD' });
    expect(cars.valueMinor).toBe(8_500_000);

    const byAgreement = await ok(services, 'commitments.totals', { groupBy: 'agreement' });
    const lima = byAgreement.find((r) => r.key === String(agreement.id))!;
    expect(lima.promised).toEqual([
      { currency: 'PEN', minor: 1_200_000 },
      { currency: 'USD', minor: 10_000_050 },
    ]);
    expect(lima.delivered).toEqual([{ currency: 'USD', minor: 8_000_000 }]);
    expect(lima).toMatchObject({ label: 'Shanghai', nativeLabel: '上海市', commitments: 3 });
    expect(lima.byStatus).toMatchObject({ delivered: 1, overdue: 2 });
    const japan = byAgreement.find((r) => r.key === String(kobe.agreement.id))!;
    expect(japan.promised).toEqual([{ currency: 'JPY', minor: 2_000_000 }]);

    const byYear = await ok(services, 'commitments.totals', { groupBy: 'year' });
    expect(byYear.map((r) => [r.key, r.commitments])).toEqual([
      ['2018', 1],
      ['2019', 3],
    ]);
    expect(byYear[1]!.promised).toEqual([
      { currency: 'JPY', minor: 2_000_000 },
      { currency: 'PEN', minor: 1_200_000 },
      { currency: 'USD', minor: 1_500_050 },
    ]);
    const byDirection = await ok(services, 'commitments.totals', { groupBy: 'direction' });
    expect(byDirection.map((r) => [r.key, r.promised.map((m) => m.currency)])).toEqual([
      ['give', ['PEN']],
      ['receive', ['JPY', 'USD']],
    ]);
    const byKind = await ok(services, 'commitments.totals', { groupBy: 'kind', direction: 'receive' });
    expect(byKind.map((r) => r.key)).toEqual(['donation_in_cash', 'donation_in_kind']);
    const byPartner = await ok(services, 'commitments.totals', { groupBy: 'partner' });
    expect(byPartner.map((r) => r.label)).toEqual(['Kobe', 'Shanghai']);
  });

  it('keeps an audit row for each change to a commitment', async () => {
    const { services, agreement } = await setup();
    await ok(services, 'settings.update', { userName: 'María Quispe' });
    const c = await ok(services, 'commitments.create', commitmentFields(agreement.id));
    await ok(services, 'commitments.update', { ...commitmentFields(agreement.id, { quantity: 8 }), id: c.id, version: c.version });
    const history = await ok(services, 'commitments.history', { id: c.id });
    expect(history.map((h) => h.action)).toEqual(['update', 'create']);
    expect(history[0]!.changes).toContainEqual({ field: 'quantity', before: 6, after: 8 });
  });
});

describe('the database keeps its own rules', () => {
  it('refuses rows the service would never write', async () => {
    const { services, agreement } = await setup();
    const db = services.opened.sqlite;
    const insert =
      (quantity: number, value: number | null, currency: string | null, direction = 'give') =>
      () =>
        db
          .prepare(
            `INSERT INTO commitments (agreement_id, kind, direction, description, quantity, value_minor, currency, search_text, created_at, updated_at)
        VALUES (?, 'other', ?, 'x', ?, ?, ?, '', 'now', 'now')`,
          )
          .run(agreement.id, direction, quantity, value, currency);
    expect(insert(0, null, null)).toThrow(/CHECK/);
    expect(insert(1, 100, null)).toThrow(/CHECK/);
    expect(insert(1, null, 'usd')).toThrow(/CHECK/);
    expect(insert(1, -5, 'USD')).toThrow(/CHECK/);
    expect(insert(1, null, null, 'both')).toThrow(/CHECK/);
    const id = Number(insert(2, 100, 'USD')().lastInsertRowid);
    expect(() =>
      db.prepare("INSERT INTO deliveries (commitment_id, delivered_on, quantity, created_at, updated_at) VALUES (?, '2026-02-30', 1, 'now', 'now')").run(id),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO attachment_links (attachment_id, entity, entity_id, file_name, created_at) VALUES (1, 'payment', 1, 'a', 'now')").run(),
    ).toThrow();
    expect(() => db.prepare("UPDATE commitments SET cancelled_at = 'now' WHERE id = ?").run(id)).toThrow(/CHECK/);
  });
});

describe('money', () => {
  it('is written per the locale and added per currency (reading typed amounts: region.test.ts)', () => {
    expect(formatMoney(8_500_000, 'USD', 'es-419')).toMatch(/USD\s?85,000\.00/);
    expect(formatMoney(1_200_050, 'PEN', 'pt-BR')).toMatch(/PEN\s?12\.000,50/);
    expect(
      sumByCurrency([
        { currency: 'USD', minor: 1 },
        { currency: null, minor: null },
        { currency: 'CNY', minor: 5 },
        { currency: 'USD', minor: 2 },
      ]),
    ).toEqual([
      { currency: 'CNY', minor: 5 },
      { currency: 'USD', minor: 3 },
    ]);
  });
});

describe('sample data', () => {
  it('has the Shanghai vehicles delivered, the camp scholarships partly delivered and Zhangzhou study places promised', async () => {
    const services = await openTestServices({ now: NOW });
    await ok(services, 'sample.load', {});
    const { rows } = await ok(services, 'commitments.list', { limit: 100 });
    const find = (text: string) => rows.find((r) => r.description.includes(text))!;
    expect(find('automóviles')).toMatchObject({ partnerName: 'Shanghai', direction: 'receive', status: 'delivered', delivered: 3, quantity: 3 });
    expect(find('Seis becas')).toMatchObject({ partnerName: 'Shanghai', direction: 'receive', status: 'partly_delivered', delivered: 3, quantity: 6 });
    expect(find('Plazas de estudio')).toMatchObject({ partnerName: 'Zhangzhou', status: 'promised' });
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['delivered', 'partly_delivered', 'promised', 'overdue']));
    const camp = await ok(services, 'commitments.get', { id: find('Seis becas').id });
    expect(camp.deliveries[0]!.beneficiaries.some((b) => b.nativeName === '陈伟')).toBe(true);
  });
});
