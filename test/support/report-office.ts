import type { AgreementFields } from '../../shared/contract/agreements.ts';
import type { CommitmentFields, DeliveryFields } from '../../shared/contract/commitments.ts';
import type { LocalityFields } from '../../shared/contract/localities.ts';
import type { TaskFields } from '../../shared/contract/tasks.ts';
import type { VisitFields } from '../../shared/contract/visits.ts';
import type { Services } from '../../electron/core/services.ts';
import { ok } from './temp-db.ts';

// An office with a known year, 2020, for the report tests: every rule of the
// annual report has a row on each side of it. Tests compute what the report must
// say from these lists, not from the code under test.

export type AgreementFixture = { key: string; partner: LocalityFields; agreement: Omit<AgreementFields, 'partnerId'>; archived?: boolean };
const base = { kind: 'twinning' as const, channel: 'bilateral' as const, areaIds: [] as number[] };
export const AGREEMENTS: AgreementFixture[] = [
  {
    key: 'shanghai',
    partner: { name: 'Shanghai', nativeName: '上海市', country: 'CN', level: 'city', parentId: null },
    agreement: { ...base, stage: 'active', stageDate: '2018-07-01', letterOfIntentOn: '2017-11-02', signedOn: '2018-07-01', areaIds: [1, 2] },
  },
  {
    key: 'zhangzhou',
    partner: { name: 'Zhangzhou', nativeName: '漳州市', country: 'CN', level: 'city', parentId: null },
    agreement: { ...base, stage: 'letter_of_intent', stageDate: '2020-03-10', letterOfIntentOn: '2020-03-10', areaIds: [2] },
  },
  {
    key: 'kobe',
    partner: { name: 'Kobe', nativeName: '神戸市', country: 'JP', level: 'city', parentId: null },
    agreement: { ...base, kind: 'friendship', stage: 'signed', stageDate: '2020-09-15', letterOfIntentOn: '2019-05-01', signedOn: '2020-09-15', areaIds: [3] },
  },
  {
    key: 'cordoba',
    partner: { name: 'Córdoba', nativeName: null, country: 'AR', level: 'province', parentId: null },
    agreement: { ...base, stage: 'ended', stageDate: '2019-06-30', signedOn: '2015-01-01', endedOn: '2019-06-30' },
  },
  {
    key: 'guilin',
    partner: { name: 'Guilin', nativeName: '桂林市', country: 'CN', level: 'city', parentId: null },
    agreement: { ...base, stage: 'ended', stageDate: '2020-10-01', signedOn: '2012-01-01', endedOn: '2020-10-01', areaIds: [1] },
  },
  {
    key: 'busan',
    partner: { name: 'Busan', nativeName: '부산광역시', country: 'KR', level: 'city', parentId: null },
    agreement: { ...base, stage: 'letter_of_intent', stageDate: '2021-02-02', letterOfIntentOn: '2021-02-02' },
  },
  {
    key: 'rosario',
    partner: { name: 'Rosario', nativeName: null, country: 'AR', level: 'city', parentId: null },
    agreement: { ...base, stage: 'active', stageDate: '2016-05-05', signedOn: '2016-05-05' },
    archived: true,
  },
];

type VisitFixture = Omit<VisitFields, 'agreementIds' | 'participants'> & {
  agreements: string[];
  people: {
    name: string;
    nativeName?: string;
    /** the partner whose locality the person belongs to */ of?: string;
    role: 'head_of_delegation' | 'member' | 'interpreter' | 'host' | 'staff' | 'other';
  }[];
};
export const VISITS: VisitFixture[] = [
  {
    direction: 'inbound',
    status: 'done',
    startsOn: '2020-03-02',
    endsOn: '2020-03-05',
    purpose: 'Firma de la carta de intención con Zhangzhou',
    agreements: ['zhangzhou'],
    people: [
      { name: 'Wang Wei', nativeName: '王伟', of: 'zhangzhou', role: 'head_of_delegation' },
      { name: 'Li Na', nativeName: '李娜', role: 'member' },
      { name: 'Ana Torres', role: 'staff' },
    ],
    agenda: [{ onDate: '2020-03-03', atTime: '10:00', place: 'Palacio municipal', what: 'Firma de la carta de intención' }],
    outcomes: [{ text: 'Carta de intención firmada' }, { text: 'Becas de verano para 2021 en estudio' }],
    costs: [
      { item: 'Alojamiento', amountMinor: 150000, currency: 'PEN', paidBy: 'ours' },
      { item: 'Pasajes', amountMinor: 300000, currency: 'CNY', paidBy: 'partner' },
    ],
  },
  {
    direction: 'outbound',
    status: 'done',
    startsOn: '2020-09-14',
    endsOn: '2020-09-18',
    purpose: 'Firma del acuerdo de amistad con Kobe',
    agreements: ['kobe'],
    people: [
      { name: 'Jorge Muñoz', role: 'head_of_delegation' },
      { name: 'Ana Torres', role: 'staff' },
      { name: 'Tanaka Hiroshi', nativeName: '田中宏', of: 'kobe', role: 'host' },
    ],
    outcomes: [{ text: 'Acuerdo de amistad firmado' }],
    costs: [{ item: 'Pasajes', amountMinor: 800000, currency: 'PEN', paidBy: 'ours' }],
  },
  {
    direction: 'inbound',
    status: 'cancelled',
    startsOn: '2020-06-01',
    endsOn: '2020-06-03',
    purpose: 'Visita cancelada por la pandemia',
    agreements: ['shanghai'],
    people: [],
  },
  {
    direction: 'inbound',
    status: 'done',
    startsOn: '2021-04-01',
    endsOn: '2021-04-02',
    purpose: 'Visita del año siguiente',
    agreements: ['shanghai'],
    people: [],
  },
];

type CommitmentFixture = { key: string; agreement: string; fields: Omit<CommitmentFields, 'agreementId'>; deliveries: Omit<DeliveryFields, 'commitmentId'>[] };
const commitment = (
  o: Partial<CommitmentFields> & Pick<CommitmentFields, 'kind' | 'direction' | 'description' | 'quantity'>,
): Omit<CommitmentFields, 'agreementId'> => ({
  areaId: null,
  unit: null,
  value: null,
  currency: null,
  dueOn: null,
  notes: null,
  ...o,
});
export const COMMITMENTS: CommitmentFixture[] = [
  {
    key: 'becas',
    agreement: 'shanghai',
    fields: commitment({
      kind: 'scholarship',
      direction: 'receive',
      description: 'Seis becas completas para un campamento de verano',
      quantity: 6,
      unit: 'becas',
      areaId: 2,
      dueOn: '2020-08-31',
    }),
    deliveries: [
      {
        deliveredOn: '2020-07-15',
        quantity: 3,
        value: null,
        currency: null,
        beneficiaries: [
          { name: 'Lucía Quispe', school: 'I.E. 1120' },
          { name: 'Mateo Huamán', school: 'I.E. 1120', tutor: 'Rosa Díaz' },
          { name: 'Chen Jia', nativeName: '陈佳', school: 'I.E. 2033' },
        ],
      },
      { deliveredOn: '2021-01-10', quantity: 2, value: null, currency: null, beneficiaries: [] },
    ],
  },
  {
    key: 'vehiculos',
    agreement: 'shanghai',
    fields: commitment({
      kind: 'donation_in_kind',
      direction: 'receive',
      description: 'Dos automóviles y una camioneta',
      quantity: 3,
      unit: 'vehículos',
      value: '85000',
      currency: 'USD',
      dueOn: '2020-12-01',
      areaId: 1,
    }),
    deliveries: [{ deliveredOn: '2020-11-20', quantity: 3, value: '85000', currency: 'USD', beneficiaries: [] }],
  },
  {
    key: 'aporte',
    agreement: 'kobe',
    fields: commitment({
      kind: 'donation_in_cash',
      direction: 'give',
      description: 'Aporte a la reconstrucción',
      quantity: 1,
      value: '20000',
      currency: 'PEN',
      dueOn: '2020-10-01',
      areaId: 3,
    }),
    deliveries: [{ deliveredOn: '2020-10-01', quantity: 1, value: '20000', currency: 'PEN', beneficiaries: [] }],
  },
  {
    key: 'capacitacion',
    agreement: 'zhangzhou',
    fields: commitment({
      kind: 'training',
      direction: 'give',
      description: 'Capacitación en gestión de residuos',
      quantity: 10,
      unit: 'plazas',
      dueOn: '2021-06-30',
      areaId: 2,
    }),
    deliveries: [],
  },
];

export const TASKS: TaskFields[] = [
  { title: 'Enviar fotos de la firma', dueOn: '2020-05-01', status: 'done', completedOn: '2020-05-10', priority: 'normal' },
  { title: 'Preparar convocatoria de becas 2021', dueOn: '2021-02-01', priority: 'high', assignee: 'Ana Torres' },
  { title: 'Informe al concejo sobre Zhangzhou', dueOn: '2019-12-01', priority: 'normal' },
  { title: 'Tarea cancelada', dueOn: '2020-07-01', status: 'cancelled', priority: 'low' },
  { title: 'Traducir el acuerdo con Kobe', dueOn: '2020-12-15', status: 'done', completedOn: '2021-03-01', priority: 'normal' },
];

/** Creates the office through the same calls the app makes; returns the ids by fixture key. */
export async function buildReportOffice(services: Services) {
  const lima = await ok(services, 'localities.create', { name: 'Lima', nativeName: null, country: 'PE', level: 'city', parentId: null });
  await ok(services, 'settings.update', { officeName: 'Oficina de Relaciones Internacionales de Lima', ownLocalityId: lima.id });
  const agreements = new Map<string, number>();
  const partners = new Map<string, number>();
  for (const f of AGREEMENTS) {
    const partner = await ok(services, 'localities.create', f.partner);
    const a = await ok(services, 'agreements.create', { ...f.agreement, partnerId: partner.id });
    if (f.archived) await ok(services, 'agreements.archive', { id: a.id });
    agreements.set(f.key, a.id);
    partners.set(f.key, partner.id);
  }
  const contacts = new Map<string, number>();
  const visits: number[] = [];
  for (const v of VISITS) {
    const { agreements: keys, people, ...fields } = v;
    const participants = [];
    for (const p of people) {
      let contactId = contacts.get(p.name);
      if (!contactId) {
        contactId = (await ok(services, 'contacts.create', { name: p.name, nativeName: p.nativeName ?? null, localityId: p.of ? partners.get(p.of)! : null }))
          .id;
        contacts.set(p.name, contactId);
      }
      participants.push({ contactId, role: p.role });
    }
    visits.push((await ok(services, 'visits.create', { ...fields, agreementIds: keys.map((k) => agreements.get(k)!), participants })).id);
  }
  const commitments = new Map<string, number>();
  for (const c of COMMITMENTS) {
    const created = await ok(services, 'commitments.create', { ...c.fields, agreementId: agreements.get(c.agreement)! });
    for (const d of c.deliveries) await ok(services, 'commitments.addDelivery', { ...d, commitmentId: created.id });
    commitments.set(c.key, created.id);
  }
  for (const t of TASKS) await ok(services, 'tasks.create', { ...t, link: { kind: 'visit', id: visits[0]! } });
  return { agreements, partners, visits, commitments };
}
