import { today, type Ctx } from '../../app/context.ts';
import type { SampleExtension } from '../sample/extensions.ts';
import { createOfficeEvent } from './office-events.ts';

const addDays = (ctx: Ctx, days: number) => {
  const d = new Date(`${today(ctx)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

// Invented events placed a few days and weeks from today, so the calendar is
// never empty the first time someone opens it with the sample data.
export const calendarSample: SampleExtension = async (ctx, sample) => {
  await createOfficeEvent(
    {
      title: 'Foro China–CELAC de Gobiernos Locales',
      allDay: true,
      start: addDays(ctx, 12),
      end: addDays(ctx, 14),
      place: 'Chengdu, Sichuan (成都市)',
      notes: 'Ejemplo inventado. Delegación: alcaldía, relaciones internacionales; llevar el informe anual, los folletos y el video.',
      agreementId: sample.agreements.limaFujian.id,
    },
    ctx,
    'invented',
  );
  await createOfficeEvent(
    {
      title: 'Reunión con la embajada: becas 2027',
      allDay: false,
      start: `${addDays(ctx, 3)}T10:00`,
      end: `${addDays(ctx, 3)}T11:30`,
      place: 'Embajada de la R. P. China, San Isidro',
      notes: 'Ejemplo inventado. Revisar las seis becas del campamento de verano con Shanghai.',
      agreementId: sample.agreements.limaShanghai.id,
    },
    ctx,
    'invented',
  );
};
