import type { CallParsed } from '../../../../shared/contract/index.ts';
import { today, type Ctx } from '../../app/context.ts';
import type { SampleExtension } from '../sample/public.ts';
import { createCommitment } from './app.ts';
import { addDelivery } from './deliveries.ts';

type CommitmentInput = CallParsed<'commitments.create'>;
type BeneficiaryInput = CallParsed<'commitments.addDelivery'>['beneficiaries'][number];

const person = (p: Partial<BeneficiaryInput> & { name: string }): BeneficiaryInput => ({
  nativeName: null,
  school: null,
  tutor: null,
  period: null,
  destination: null,
  ...p,
});

// From the brief: Shanghai's cars and van and six summer-camp scholarships
// (real facts; dates, values and names of children are invented), and the
// study places Zhangzhou offered (as it did to Chimbote). Dates are placed
// around the day the sample is loaded, so the statuses read as described.
export const commitmentsSample: SampleExtension = async (ctx: Ctx, { agreements }) => {
  const year = Number(today(ctx).slice(0, 4));
  const areas = new Map((await ctx.db.selectFrom('thematic_areas').select(['id', 'code']).where('code', 'is not', null).execute()).map((a) => [a.code, a.id]));
  const commitment = (c: Partial<CommitmentInput> & Pick<CommitmentInput, 'agreementId' | 'kind' | 'direction' | 'description' | 'quantity'>) =>
    createCommitment({ areaId: null, unit: null, value: null, currency: null, dueOn: null, notes: null, ...c }, ctx);
  const deliver = (commitmentId: number, deliveredOn: string, quantity: number, extra: Partial<CallParsed<'commitments.addDelivery'>> = {}) =>
    addDelivery(
      { commitmentId, deliveredOn, quantity, value: null, currency: null, notes: null, beneficiaries: [], confirmOverDelivery: false, ...extra },
      ctx,
    );

  const vehicles = await commitment({
    agreementId: agreements.limaShanghai.id,
    areaId: areas.get('urban_administration') ?? null,
    kind: 'donation_in_kind',
    direction: 'receive',
    description: 'Donación de dos automóviles y una camioneta a la municipalidad',
    quantity: 3,
    unit: 'vehículos',
    value: '85000',
    currency: 'USD',
    dueOn: '2018-12-31',
    notes: 'Valor estimado inventado para el ejemplo.',
  });
  await deliver(vehicles.id, '2018-11-20', 3, { notes: 'Acta de entrega firmada en el Palacio Municipal.' });

  const camp = await commitment({
    agreementId: agreements.limaShanghai.id,
    areaId: areas.get('education') ?? null,
    kind: 'scholarship',
    direction: 'receive',
    description: 'Seis becas completas para escolares de colegios públicos y sus tutores: campamento de verano en Shanghai',
    quantity: 6,
    unit: 'becas',
    dueOn: `${year + 1}-07-31`,
    notes: 'Cubren pasajes, alojamiento y manutención del escolar y de su tutor.',
  });
  const period = `Julio–agosto ${year - 1}`;
  const destination = 'Campamento de verano, Shanghai';
  await deliver(camp.id, `${year - 1}-07-10`, 3, {
    notes: 'Primer grupo del campamento.',
    beneficiaries: [
      person({ name: 'Lucía Quispe Mamani', school: 'I.E. N.º 1049 Juana Alarco de Dammert', tutor: 'Rosa Huamán Torres', period, destination }),
      person({ name: 'Chen Wei', nativeName: '陈伟', school: 'I.E. N.º 0012 Túpac Amaru', tutor: 'Jorge Ñique Paredes', period, destination }),
      person({ name: 'Diego Ñahui Ccori', school: 'I.E. Mariscal Cáceres', tutor: 'Rosa Huamán Torres', period, destination }),
    ],
  });

  await commitment({
    agreementId: agreements.limaZhangzhou.id,
    areaId: areas.get('education') ?? null,
    kind: 'scholarship',
    direction: 'receive',
    description: 'Plazas de estudio en China para los mejores estudiantes de la ciudad',
    quantity: 5,
    unit: 'plazas de estudio',
    dueOn: `${year + 1}-03-01`,
    notes: 'Ofrecidas con la carta de intención, como Zhangzhou ofreció a Chimbote.',
  });

  await commitment({
    agreementId: agreements.limaFujian.id,
    areaId: areas.get('trade') ?? null,
    kind: 'exchange',
    direction: 'give',
    description: 'Stand de Lima en la feria de inversión y comercio de Xiamen',
    quantity: 1,
    unit: 'stand',
    value: '45000',
    currency: 'PEN',
    dueOn: `${year - 1}-09-08`,
    notes: 'Ejemplo inventado: quedó pendiente.',
  });

  const kobeGrant = await commitment({
    agreementId: agreements.limaKobe.id,
    areaId: areas.get('environment') ?? null,
    kind: 'donation_in_cash',
    direction: 'receive',
    description: 'Aporte para el programa de reciclaje en colegios',
    quantity: 1,
    unit: 'aporte',
    value: '2000000',
    currency: 'JPY',
    dueOn: `${year - 2}-12-31`,
  });
  await deliver(kobeGrant.id, `${year - 2}-11-15`, 1, { value: '2000000', currency: 'JPY' });

  // Invented records for the current year, so that year's annual report and
  // Home show commitments made and delivered. A delivery is dated this year but
  // never after today (a future delivery is refused).
  const thisYear = (monthDay: string) => {
    const date = `${year}-${monthDay}`;
    const now = today(ctx);
    return date < now ? date : now;
  };
  const books = await commitment({
    agreementId: agreements.limaZhangzhou.id,
    areaId: areas.get('culture') ?? null,
    kind: 'donation_in_kind',
    direction: 'receive',
    description: 'Donación de libros en chino para la Biblioteca Municipal',
    quantity: 200,
    unit: 'libros',
    value: '8000',
    currency: 'CNY',
    dueOn: `${year}-06-30`,
    notes: 'Ejemplo inventado.',
  });
  await deliver(books.id, thisYear('05-20'), 200, { notes: 'Ejemplo inventado: recibidos en la Biblioteca Municipal.' });

  const experts = await commitment({
    agreementId: agreements.limaShanghai.id,
    areaId: areas.get('planning') ?? null,
    kind: 'technical_assistance',
    direction: 'receive',
    description: 'Asesoría de dos especialistas de Shanghai en gestión del tránsito',
    quantity: 2,
    unit: 'especialistas',
    dueOn: `${year}-11-30`,
    notes: 'Ejemplo inventado.',
  });
  await deliver(experts.id, thisYear('03-16'), 1, { notes: 'Ejemplo inventado: primera semana de trabajo en Lima.' });

  await commitment({
    agreementId: agreements.limaKobe.id,
    areaId: areas.get('environment') ?? null,
    kind: 'training',
    direction: 'give',
    description: 'Taller sobre reciclaje en mercados para funcionarios de Kobe',
    quantity: 1,
    unit: 'taller',
    dueOn: `${year}-12-15`,
    notes: 'Ejemplo inventado.',
  });
};
