import { addDays } from '../../../../shared/dates.ts';
import { today, type Ctx } from '../../app/context.ts';
import type { SampleExtension } from '../sample/public.ts';
import { createOfficeEvent } from './office-events.ts';

const fromToday = (ctx: Ctx, days: number) => addDays(today(ctx), days);

// Invented events placed a few days and weeks from today, so the calendar is
// never empty the first time someone opens it with the sample data.
export const calendarSample: SampleExtension = async (ctx, sample) => {
  await createOfficeEvent(
    {
      title: 'Foro China–CELAC de Gobiernos Locales',
      allDay: true,
      start: fromToday(ctx, 12),
      end: fromToday(ctx, 14),
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
      start: `${fromToday(ctx, 3)}T10:00`,
      end: `${fromToday(ctx, 3)}T11:30`,
      place: 'Embajada de la R. P. China, San Isidro',
      notes: 'Ejemplo inventado. Revisar las seis becas del campamento de verano con Shanghai.',
      agreementId: sample.agreements.limaShanghai.id,
    },
    ctx,
    'invented',
  );
};
