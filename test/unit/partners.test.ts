import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../shared/contract/partners.ts';
import { agreementFields, commitmentFields, partnerWithAgreement, taskFields, visitFields, wangFields } from '../support/factories.ts';
import { ok, openTestServices } from '../support/temp-db.ts';

// A partner's page over a real SQLite file: its timeline (one statement, newest first, by kind, paged),
// its people, files and figures, and nothing of another partner's.

const TODAY = '2026-06-15';
const open = () => openTestServices({ now: () => new Date(`${TODAY}T12:00:00`) });
const brief = (r: TimelineItem) => `${r.on} ${r.kind} ${'title' in r ? r.title : 'purpose' in r ? r.purpose : 'description' in r ? r.description : r.stage}`;

async function office() {
  const services = await open();
  const { partner, agreement } = await partnerWithAgreement(services, { name: 'Zhangzhou', nativeName: '漳州市' }, { stageDate: '2018-07-01' });
  const other = await partnerWithAgreement(services, { name: 'Kobe', nativeName: '神戸市', country: 'JP' });
  await ok(services, 'agreements.changeStage', {
    id: agreement.id,
    version: agreement.version,
    stage: 'active',
    date: '2019-03-10',
    note: 'Primer plan de trabajo',
  });

  const wang = await ok(services, 'contacts.create', { ...wangFields, localityId: null });
  const host = await ok(services, 'contacts.create', { name: 'Ana Torres', title: 'Directora de Relaciones Internacionales' });
  const atPlace = await ok(services, 'contacts.create', { name: 'Li Na', nativeName: '李娜', localityId: partner.id });
  // Received: their delegation (Wang), hosted by our Ana. Made: held there without an agreement link.
  const received = await ok(
    services,
    'visits.create',
    visitFields({
      direction: 'inbound',
      startsOn: '2025-09-01',
      endsOn: '2025-09-03',
      purpose: 'Delegación de Zhangzhou',
      agreementIds: [agreement.id],
      participants: [
        { contactId: wang.id, role: 'head_of_delegation' },
        { contactId: host.id, role: 'host' },
      ],
    }),
  );
  await ok(
    services,
    'visits.create',
    visitFields({
      direction: 'outbound',
      startsOn: '2026-04-12',
      endsOn: '2026-04-18',
      localityId: partner.id,
      purpose: 'Viaje a Zhangzhou',
      participants: [
        { contactId: host.id, role: 'head_of_delegation' },
        { contactId: wang.id, role: 'host' },
      ],
    }),
  );
  await ok(
    services,
    'visits.create',
    visitFields({
      direction: 'inbound',
      status: 'cancelled',
      startsOn: '2024-05-01',
      endsOn: '2024-05-02',
      localityId: partner.id,
      purpose: 'Visita suspendida',
      participants: [{ contactId: wang.id, role: 'member' }],
    }),
  );
  await ok(
    services,
    'visits.create',
    visitFields({ direction: 'inbound', status: 'planned', startsOn: '2026-10-01', endsOn: '2026-10-02', localityId: partner.id, purpose: 'Visita por venir' }),
  );
  await ok(services, 'visits.create', visitFields({ startsOn: '2026-01-10', endsOn: '2026-01-12', localityId: other.partner.id, purpose: 'Viaje a Kobe' }));

  const becas = await ok(services, 'commitments.create', commitmentFields(agreement.id, { quantity: 6, dueOn: '2026-12-31' }));
  const autos = await ok(
    services,
    'commitments.create',
    commitmentFields(agreement.id, { kind: 'donation_in_kind', quantity: 2, unit: 'autos', value: '1000', currency: 'USD', dueOn: '2026-01-01' }),
  );
  await ok(services, 'commitments.create', commitmentFields(other.agreement.id, { description: 'Becas de Kobe' }));
  await ok(services, 'commitments.addDelivery', { commitmentId: becas.id, deliveredOn: '2025-12-20', quantity: 3 });
  await ok(services, 'commitments.addDelivery', { commitmentId: autos.id, deliveredOn: '2025-11-05', quantity: 1 });

  const done = await ok(services, 'tasks.create', taskFields({ title: 'Enviar fotos', dueOn: '2025-09-10', link: { kind: 'visit', id: received.id } }));
  await ok(services, 'tasks.setStatus', { id: done.id, version: done.version, status: 'done', completedOn: '2025-09-08' });
  await ok(services, 'tasks.create', taskFields({ title: 'Informe de becas', dueOn: '2026-07-01', link: { kind: 'commitment', id: becas.id } }));
  await ok(services, 'tasks.create', taskFields({ title: 'Sin fecha', dueOn: null, link: { kind: 'agreement', id: agreement.id } }));
  const dropped = await ok(services, 'tasks.create', taskFields({ title: 'Cancelada', dueOn: '2026-02-01', link: { kind: 'agreement', id: agreement.id } }));
  await ok(services, 'tasks.setStatus', { id: dropped.id, version: dropped.version, status: 'cancelled' });
  await ok(services, 'tasks.create', taskFields({ title: 'Tarea de Kobe', dueOn: '2026-02-01', link: { kind: 'agreement', id: other.agreement.id } }));

  await ok(services, 'officeEvents.create', {
    title: 'Aniversario del hermanamiento',
    allDay: false,
    start: '2025-07-01T10:30',
    end: '2025-07-01T12:00',
    agreementId: agreement.id,
  });
  await ok(services, 'officeEvents.create', { title: 'Foro de Kobe', allDay: true, start: '2025-07-01', end: '2025-07-01', agreementId: other.agreement.id });
  return { services, partner, agreement, other, wang, host, atPlace, becas, autos };
}

describe('a partner page', () => {
  it('tells the partner its story newest first, one kind at a time when asked, and nothing of another partner', async () => {
    const { services, partner } = await office();
    const all = await ok(services, 'partners.timeline', { id: partner.id });
    expect(all.rows.map(brief)).toEqual([
      '2026-10-01 visit Visita por venir',
      '2026-07-01 task Informe de becas',
      '2026-04-12 visit Viaje a Zhangzhou',
      '2025-12-20 delivery Seis becas completas para un campamento de verano',
      '2025-11-05 delivery Seis becas completas para un campamento de verano',
      '2025-09-08 task Enviar fotos',
      '2025-09-01 visit Delegación de Zhangzhou',
      '2025-07-01 event Aniversario del hermanamiento',
      '2024-05-01 visit Visita suspendida',
      '2019-03-10 stage active',
      '2018-07-01 stage signed',
      // Typed on the agreement, never a stage of its history: still part of the story.
      '2017-11-02 stage letter_of_intent',
    ]);
    expect(all.counts).toEqual({ stage: 3, visit: 4, delivery: 2, task: 2, event: 1 });
    expect(all.total).toBe(12);
    const event = all.rows.find((r) => r.kind === 'event');
    expect(event).toMatchObject({ startsAt: '2025-07-01T10:30', allDay: false });
    expect(all.rows.find((r) => r.kind === 'visit' && r.purpose === 'Visita suspendida')).toMatchObject({ status: 'cancelled', direction: 'inbound' });
    expect(all.rows.find((r) => r.kind === 'stage' && r.stage === 'active')).toMatchObject({ note: 'Primer plan de trabajo', agreementKind: 'twinning' });

    const visitsAndTasks = await ok(services, 'partners.timeline', { id: partner.id, kinds: ['visit', 'task'] });
    expect(visitsAndTasks.total).toBe(6);
    expect(visitsAndTasks.rows.every((r) => r.kind === 'visit' || r.kind === 'task')).toBe(true);
    expect(visitsAndTasks.counts).toEqual(all.counts);

    // Its visits are the Visits list's for the same partner.
    const listed = await ok(services, 'visits.list', { partnerId: partner.id, limit: 100 });
    expect(
      all.rows
        .filter((r) => r.kind === 'visit')
        .map((r) => r.id)
        .sort(),
    ).toEqual(listed.rows.map((r) => r.id).sort());
  });

  it('pages a long story in SQLite: every row once, in order, a page never over its limit', async () => {
    const { services, partner, agreement } = await office();
    // Thousands of dated rows, as an office with years of work would have.
    const sqlite = services.opened.sqlite;
    const insert = sqlite.prepare(`INSERT INTO tasks (title, due_on, priority, status, agreement_id, search_text, created_at, updated_at)
      VALUES (?, ?, 'normal', 'open', ?, '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`);
    sqlite.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`Tarea ${i}`, `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`, agreement.id);
    })();
    const first = await ok(services, 'partners.timeline', { id: partner.id, limit: 200 });
    expect(first.rows).toHaveLength(200);
    expect(first.total).toBe(3012);
    const seen: string[] = [];
    for (let offset = 0; offset < first.total; offset += 200) {
      const page = await ok(services, 'partners.timeline', { id: partner.id, limit: 200, offset });
      expect(page.rows.length).toBeLessThanOrEqual(200);
      seen.push(...page.rows.map((r) => `${r.kind}:${r.id}:${r.on}`));
    }
    expect(new Set(seen).size).toBe(3012);
    const dates = seen.map((s) => s.split(':')[2]!);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('lists the people on the partner’s side, most involved first, and those recorded at the place', async () => {
    const { services, partner, agreement, wang, host, atPlace } = await office();
    const people = await ok(services, 'partners.people', { partnerId: partner.id });
    // Wang led their delegation and hosted ours; the cancelled visit does not count. Our Ana is not their person.
    expect(people.rows.map((p) => [p.name, p.visits, p.roles])).toEqual([
      ['Wang Wei', 2, expect.arrayContaining(['head_of_delegation', 'host'])],
      ['Li Na', 0, []],
    ]);
    expect(people.rows[0]).toMatchObject({ id: wang.id, lastVisitOn: '2026-04-12' });
    expect(people.rows.map((p) => p.id)).not.toContain(host.id);
    // An agreement's people: its visits' counterparts, and the place's contacts.
    const ofAgreement = await ok(services, 'partners.people', { agreementId: agreement.id });
    expect(ofAgreement.rows.map((p) => [p.id, p.visits])).toEqual([
      [wang.id, 1],
      [atPlace.id, 0],
    ]);
    expect((await services.call('partners.people', { agreementId: 9999 })).ok).toBe(false);
  });

  it('gives the header, agreements, files and figures, and says an unknown partner is not found', async () => {
    const { services, partner, agreement, becas } = await office();
    await ok(services, 'localities.update', {
      ...partner,
      parentId: (await ok(services, 'localities.create', { name: 'Fujian', nativeName: '福建省', country: 'CN', level: 'province', parentId: null })).id,
    });
    await ok(services, 'localities.create', { name: 'Longhai', nativeName: '龙海区', country: 'CN', level: 'municipality', parentId: partner.id });
    await ok(
      services,
      'agreements.create',
      agreementFields(partner.id, {
        kind: 'friendship',
        stage: 'ended',
        endedOn: '2020-01-01',
        signedOn: '2016-01-01',
        letterOfIntentOn: null,
        stageDate: '2020-01-01',
      }),
    );
    await ok(services, 'attachments.add', {
      entity: 'agreement',
      entityId: agreement.id,
      fileName: 'convenio.pdf',
      contentBase64: Buffer.from('%PDF-1.4').toString('base64'),
    });
    await ok(services, 'attachments.add', {
      entity: 'commitment',
      entityId: becas.id,
      fileName: 'becas.xlsx',
      contentBase64: Buffer.from('becas').toString('base64'),
    });

    const story = await ok(services, 'partners.story', { id: partner.id });
    expect(story.locality).toMatchObject({ name: 'Zhangzhou', nativeName: '漳州市', parentName: 'Fujian', parentNativeName: '福建省', parentCountry: 'CN' });
    expect(story.children.map((c) => c.name)).toEqual(['Longhai']);
    expect(story.agreements.map((a) => [a.kind, a.stage])).toEqual([
      ['twinning', 'active'],
      ['friendship', 'ended'],
    ]);
    expect(story.attachments.map((a) => [a.fileName, a.owner.route])).toEqual([
      ['becas.xlsx', `/commitments/${becas.id}`],
      ['convenio.pdf', `/agreements/${agreement.id}`],
    ]);
    expect(story.attachmentsTotal).toBe(2);
    expect(story.figures).toEqual({
      agreementsInForce: 1,
      visitsReceived: 1,
      visitsMade: 1,
      commitmentsOpen: 2,
      deliveredGiven: [],
      deliveredReceived: [{ currency: 'USD', minor: 50000 }],
    });
    const missing = await services.call('partners.story', { id: 9999 });
    expect(!missing.ok && missing.error.kind).toBe('not_found');
    const noTimeline = await services.call('partners.timeline', { id: 9999 });
    expect(!noTimeline.ok && noTimeline.error.kind).toBe('not_found');
  });
});
