import { describe, expect, it } from 'vitest';
import { agreementEvents } from '../../electron/core/features/agreements/activity.ts';
import { agreementFields, commitmentFields, taskFields, visitFields } from '../support/factories.ts';
import { ok, openTestServices } from '../support/temp-db.ts';

// An office starting with the app in December 2026 types in what it did since 2025, all of it today.
const NOW = new Date('2026-12-04T15:00:00Z');

describe('activity is what happened, never when it was typed in', () => {
  it('an office that types last year’s records sees the right quiet agreements on Home', async () => {
    const services = await openTestServices({ now: () => NOW });
    // Through the calls the forms use; no stage date given, as in the form for a new agreement.
    const agreement = async (name: string, nativeName: string, signedOn: string) => {
      const partner = await ok(services, 'localities.create', { name, nativeName, country: 'CN', level: 'city', parentId: null });
      return ok(services, 'agreements.create', agreementFields(partner.id, { signedOn, letterOfIntentOn: null, stageDate: null, stage: 'active' }));
    };
    const guilin = await agreement('Guilin', '桂林市', '2011-09-15');
    const kobe = await agreement('Kobe', '神戸市', '2015-03-02');
    const zhangzhou = await agreement('Zhangzhou', '漳州市', '2012-05-20');
    const chengdu = await agreement('Chengdu', '成都市', '2010-10-10');
    const kunming = await agreement('Kunming', '昆明市', '2013-04-04');
    const xiamen = await agreement('Xiamen', '厦门市', '2014-06-06');
    const lhasa = await agreement('Lhasa', '拉萨市', '2016-08-08');
    const harbin = await agreement('Harbin', '哈尔滨市', '2017-02-02');

    // Guilin: a visit, a task done and a delivery, all more than a year ago (the cutoff is 4 Dec 2025).
    await ok(services, 'visits.create', visitFields({ startsOn: '2025-02-03', endsOn: '2025-02-10', agreementIds: [guilin.id] }));
    await ok(services, 'tasks.create', taskFields({ status: 'done', completedOn: '2025-03-01', link: { kind: 'agreement', id: guilin.id } }));
    const books = await ok(services, 'commitments.create', commitmentFields(guilin.id, { quantity: 100, dueOn: null }));
    await ok(services, 'commitments.addDelivery', { commitmentId: books.id, deliveredOn: '2025-05-05', quantity: 100, beneficiaries: [] });
    // Kobe: a delivery in February 2026.
    const kits = await ok(services, 'commitments.create', commitmentFields(kobe.id, { dueOn: null }));
    await ok(services, 'commitments.addDelivery', { commitmentId: kits.id, deliveredOn: '2026-02-01', quantity: 2, beneficiaries: [] });
    // Zhangzhou: a task about one of its commitments, done in June 2026.
    const grants = await ok(services, 'commitments.create', commitmentFields(zhangzhou.id, { dueOn: '2024-12-31' }));
    await ok(services, 'tasks.create', taskFields({ status: 'done', completedOn: '2026-06-01', link: { kind: 'commitment', id: grants.id } }));
    // Chengdu: an office event in March 2026.
    await ok(services, 'officeEvents.create', {
      title: 'Foro de ciudades hermanas',
      allDay: true,
      start: '2026-03-10',
      end: '2026-03-10',
      agreementId: chengdu.id,
    });
    // Kunming: became active again in January 2026 (a stage date).
    const dormant = await ok(services, 'agreements.changeStage', {
      id: kunming.id,
      version: kunming.version,
      stage: 'dormant',
      date: '2024-01-15',
      note: null,
    });
    await ok(services, 'agreements.changeStage', { id: kunming.id, version: dormant.version, stage: 'active', date: '2026-01-15', note: null });
    // Xiamen: only an open task due next week and a commitment typed in today: nothing happened.
    await ok(services, 'tasks.create', taskFields({ dueOn: '2026-12-10', link: { kind: 'agreement', id: xiamen.id } }));
    await ok(services, 'commitments.create', commitmentFields(xiamen.id, { dueOn: null }));
    // Lhasa: a visit this year that was cancelled, and one done in 2024.
    await ok(services, 'visits.create', visitFields({ startsOn: '2026-05-02', endsOn: '2026-05-06', status: 'cancelled', agreementIds: [lhasa.id] }));
    await ok(services, 'visits.create', visitFields({ startsOn: '2024-09-01', endsOn: '2024-09-05', agreementIds: [lhasa.id] }));
    // Harbin: a delegation planned for March 2027.
    await ok(services, 'visits.create', visitFields({ startsOn: '2027-03-01', endsOn: '2027-03-05', status: 'planned', agreementIds: [harbin.id] }));

    const home = await ok(services, 'home.summary', {});
    expect(home.quietAgreements.map((a) => [a.partnerName, a.lastActivityOn])).toEqual([
      ['Guilin', '2025-05-05'],
      ['Lhasa', '2024-09-05'],
      ['Xiamen', '2014-06-06'],
    ]);

    // The union every other use reads is the same list of events: one per dated thing, none from created_at.
    const events = services.opened.sqlite
      .prepare(
        `SELECT agreement_id, min(on_date) AS first, max(on_date) AS last, count(*) AS n FROM (${agreementEvents.compile(services.opened.db).sql}) GROUP BY agreement_id ORDER BY agreement_id`,
      )
      .all() as { agreement_id: number; first: string; last: string; n: number }[];
    expect(events.find((e) => e.agreement_id === xiamen.id)).toEqual({ agreement_id: xiamen.id, first: '2014-06-06', last: '2014-06-06', n: 2 });
    expect(events.every((e) => !e.last.startsWith('2026-12-04'))).toBe(true);
  });
});
