import { agreementFields, commitmentFields, taskFields, visitFields } from './factories.ts';
import { ok, openTestServices } from './temp-db.ts';

// A small office for the list and cache tests: places with Chinese and Japanese names and one with
// an accent and none, agreements in several stages, people with and without titles and e-mails,
// visits both ways, commitments in two currencies and one without a value, tasks with and without dates.

export type Office = Awaited<ReturnType<typeof office>>;

export async function office() {
  const services = await openTestServices({ now: () => new Date('2026-06-15T12:00:00Z') });
  const place = (name: string, nativeName: string | null, country = 'CN', level: 'city' | 'province' = 'city', parentId: number | null = null) =>
    ok(services, 'localities.create', { name, nativeName, country, level, parentId });
  const fujian = await place('Fujian', '福建省', 'CN', 'province');
  const xiamen = await place('Xiamen', '厦门市', 'CN', 'city', fujian.id);
  const zhangzhou = await place('Zhangzhou', '漳州市', 'CN', 'city', fujian.id);
  const avila = await place('Ávila', null, 'ES');
  const kobe = await place('Kobe', '神戸市', 'JP');
  const agreements = [
    await ok(services, 'agreements.create', agreementFields(xiamen.id, { signedOn: '2019-03-01', stageDate: '2019-03-01' })),
    await ok(
      services,
      'agreements.create',
      agreementFields(zhangzhou.id, { kind: 'friendship', stage: 'under_discussion', signedOn: null, letterOfIntentOn: null, stageDate: '2020-01-01' }),
    ),
    await ok(services, 'agreements.create', agreementFields(avila.id, { signedOn: '2019-03-01', stageDate: '2019-03-01' })),
    await ok(
      services,
      'agreements.create',
      agreementFields(kobe.id, { stage: 'active', letterOfIntentOn: '2014-01-01', signedOn: '2015-05-05', stageDate: '2016-01-01' }),
    ),
  ];
  for (const [name, nativeName, title, email] of [
    ['Wang Wei', '王伟', 'Director', 'wang@example.cn'],
    ['Ángel Ruiz', null, null, 'angel@example.es'],
    ['ana Pérez', null, 'Alcaldesa', null],
    ['Wang Wei', '王薇', 'Intérprete', null],
    ['Zhou Li', '周丽', 'director', 'zhou@example.cn'],
  ] as const) {
    await ok(services, 'contacts.create', { name, nativeName, title, organisation: title ? 'Municipio' : null, email });
  }
  const visit = (o: Parameters<typeof visitFields>[0]) => ok(services, 'visits.create', visitFields(o));
  await visit({ startsOn: '2026-04-12', endsOn: '2026-04-18', localityId: xiamen.id, purpose: 'Firma en Xiamen' });
  await visit({ startsOn: '2026-04-12', endsOn: '2026-04-12', localityId: zhangzhou.id, purpose: 'ábaco y becas', direction: 'inbound', status: 'planned' });
  await visit({ startsOn: '2025-10-01', endsOn: '2025-10-03', localityId: null, purpose: 'Zoom con Kobe' });
  const c = (agreementId: number, o: Parameters<typeof commitmentFields>[1]) => ok(services, 'commitments.create', commitmentFields(agreementId, o));
  const first = await c(agreements[0]!.id, { description: 'Becas 上海', value: '1500.00', currency: 'USD', dueOn: '2026-01-31' });
  await c(agreements[0]!.id, {
    description: 'Donación de libros',
    kind: 'donation_in_kind',
    quantity: 200,
    unit: 'libros',
    value: '900',
    currency: 'CNY',
    dueOn: null,
    direction: 'give',
  });
  await c(agreements[2]!.id, {
    description: 'Ángulo: intercambio',
    kind: 'exchange',
    quantity: 2,
    unit: null,
    value: null,
    currency: null,
    dueOn: '2026-01-31',
  });
  await c(agreements[3]!.id, { description: 'Becas 神戸', value: '200.00', currency: 'USD', dueOn: '2027-03-01' });
  await ok(services, 'commitments.addDelivery', {
    commitmentId: first.id,
    deliveredOn: '2026-02-01',
    quantity: 3,
    value: null,
    currency: null,
    notes: null,
    beneficiaries: [],
  });
  for (const [title, dueOn, priority] of [
    ['Enviar fotos', '2026-05-01', 'normal'],
    ['Área de becas: informe', null, 'high'],
    ['enviar carta', '2026-05-01', 'low'],
  ] as const) {
    await ok(services, 'tasks.create', taskFields({ title, dueOn, priority }));
  }
  return { services, fujian, xiamen, agreements, first };
}
