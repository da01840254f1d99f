import type { ContactFields } from '../../../../shared/contract/contacts.ts';
import type { VisitFields } from '../../../../shared/contract/visits.ts';
import { contactFields } from '../../../../shared/contract/contacts.ts';
import { visitFields } from '../../../../shared/contract/visits.ts';
import { today, type Ctx } from '../../app/context.ts';
import { addDays } from '../../../../shared/dates.ts';
import { changeStage } from '../agreements/public.ts';
import { createContact } from '../contacts/public.ts';
import type { SampleExtension } from '../sample/public.ts';
import { readSettings, writeSettings } from '../settings/public.ts';
import { createTask } from '../tasks/public.ts';
import { createVisit, outcomeToTask } from './app.ts';

const STAFF = ['Ana Torres', 'Luis Quispe', 'María Huamán'];

// Parsed like any input, so the sample obeys every rule the forms do.
const contact = (ctx: Ctx, fields: ContactFields) => createContact(contactFields.parse(fields), ctx, 'invented');
const visit = (ctx: Ctx, fields: VisitFields) => createVisit(visitFields.parse(fields), ctx, 'invented');

/**
 * The mayor's trip to Zhangzhou in April 2026 that signed the twinning (like
 * Chimbote's April trip in the brief), a Shanghai delegation coming to Lima a
 * few weeks from today, and follow-up tasks: two done, one overdue, some due soon.
 * All invented, marked so.
 */
export const visitsSample: SampleExtension = async (ctx, sample) => {
  const { lima, zhangzhou, shanghai } = sample.localities;
  const { limaZhangzhou, limaShanghai, limaKobe } = sample.agreements;
  const settings = await readSettings(ctx.db);
  if (settings.staff.length === 0) await writeSettings(ctx.db, { staff: STAFF });

  const mayor = await contact(ctx, {
    name: 'Carlos Mendoza Ríos',
    title: 'Alcalde',
    organisation: 'Municipalidad Metropolitana de Lima',
    localityId: lima.id,
    languages: 'es',
  });
  const ana = await contact(ctx, {
    name: 'Ana Torres',
    title: 'Jefa de Relaciones Internacionales',
    organisation: 'Municipalidad Metropolitana de Lima',
    localityId: lima.id,
    languages: 'es, en, zh',
    email: 'ana.torres@example.pe',
  });
  const lin = await contact(ctx, {
    name: 'Lin Xiaoming',
    nativeName: '林晓明',
    title: 'Vicealcalde',
    organisation: '漳州市人民政府',
    localityId: zhangzhou.id,
    languages: 'zh',
  });
  const wang = await contact(ctx, {
    name: 'Wang Wei',
    nativeName: '王伟',
    title: 'Director de Asuntos Exteriores',
    organisation: '漳州市外事办公室',
    localityId: zhangzhou.id,
    languages: 'zh, en',
    email: 'wang.wei@example.cn',
  });
  const chen = await contact(ctx, { name: 'Chen Jing', nativeName: '陈静', title: 'Intérprete', organisation: 'Independiente', languages: 'zh, es' });
  const zhou = await contact(ctx, {
    name: 'Zhou Hua',
    nativeName: '周华',
    title: 'Director general adjunto',
    organisation: '上海市人民政府外事办公室',
    localityId: shanghai.id,
    languages: 'zh, en',
  });

  const trip = await visit(ctx, {
    direction: 'outbound',
    status: 'done',
    startsOn: '2026-04-12',
    endsOn: '2026-04-18',
    localityId: zhangzhou.id,
    venue: 'Sede del Gobierno Popular Municipal de Zhangzhou (漳州市人民政府)',
    purpose: 'Firma del hermanamiento Lima–Zhangzhou',
    agreementIds: [limaZhangzhou.id],
    participants: [
      { contactId: mayor.id, role: 'head_of_delegation' },
      { contactId: ana.id, role: 'staff' },
      { contactId: chen.id, role: 'interpreter' },
      { contactId: lin.id, role: 'host' },
      { contactId: wang.id, role: 'host' },
    ],
    agenda: [
      {
        onDate: '2026-04-13',
        atTime: '10:00',
        place: '漳州市人民政府',
        what: 'Reunión con el vicealcalde y firma del acuerdo de hermanamiento',
        withWhom: '林晓明 (Lin Xiaoming)',
      },
      {
        onDate: '2026-04-14',
        atTime: '09:30',
        place: 'Puerto de Zhangzhou (Gulei)',
        what: 'Visita técnica: proyectos de infraestructura portuaria',
        withWhom: 'Oficina de Puertos',
      },
      {
        onDate: '2026-04-15',
        atTime: '15:00',
        place: 'Universidad Normal de Minnan',
        what: 'Becas de estudio en China para los mejores alumnos de Lima',
        withWhom: 'Rectorado',
      },
    ],
    outcomes: [
      { text: 'Zhangzhou ofrece cinco becas anuales de pregrado para los mejores alumnos de colegios públicos de Lima.' },
      { text: 'Grupo de trabajo conjunto sobre infraestructura portuaria; primera reunión virtual antes de fin de año.' },
      { text: 'Intercambio de delegaciones culturales en 2027.' },
    ],
    costs: [
      { item: 'Pasajes aéreos Lima–Xiamen (3 personas)', amountMinor: 1845000, currency: 'PEN', paidBy: 'ours' },
      { item: 'Viáticos', amountMinor: 240000, currency: 'USD', paidBy: 'ours' },
      { item: 'Hotel y traslados internos', amountMinor: 960000, currency: 'CNY', paidBy: 'partner' },
    ],
    gifts: [
      { direction: 'given', what: 'Réplica de cerámica moche', counterpart: '林晓明 (Lin Xiaoming)', valueMinor: 35000, currency: 'PEN' },
      { direction: 'received', what: 'Té Tieguanyin y porcelana de Dehua', counterpart: '漳州市人民政府' },
    ],
    interpreterNotes: 'Chen Jing (陈静), intérprete chino–español contratada por la oficina.',
    notes: 'Ejemplo inventado.',
  });
  await changeStage(
    {
      id: limaZhangzhou.id,
      version: limaZhangzhou.version,
      stage: 'signed',
      date: '2026-04-13',
      note: 'Firmado durante la visita de la delegación del alcalde.',
    },
    ctx,
  );

  const now = today(ctx);
  const reception = await visit(ctx, {
    direction: 'inbound',
    status: 'confirmed',
    startsOn: addDays(now, 18),
    endsOn: addDays(now, 21),
    // A visit's locality is its partner's, both ways: where a received delegation came from; the venue is where we received it.
    localityId: shanghai.id,
    venue: 'Palacio Municipal de Lima',
    purpose: 'Delegación de Shanghai: seguimiento de la cooperación en planificación urbana',
    agreementIds: [limaShanghai.id],
    participants: [
      { contactId: zhou.id, role: 'head_of_delegation' },
      {
        newContact: { name: 'Li Na', nativeName: '李娜', title: 'Jefa de sección', organisation: '上海市规划和自然资源局', localityId: shanghai.id },
        role: 'member',
      },
      { contactId: chen.id, role: 'interpreter' },
      { contactId: ana.id, role: 'host' },
    ],
    agenda: [
      { onDate: addDays(now, 18), atTime: '11:00', place: 'Palacio Municipal', what: 'Recepción por el alcalde', withWhom: 'Carlos Mendoza Ríos' },
      {
        onDate: addDays(now, 19),
        atTime: '09:00',
        place: 'Centro Histórico',
        what: 'Recorrido: gestión del tránsito y del patrimonio',
        withWhom: 'Gerencia de Desarrollo Urbano',
      },
    ],
    costs: [{ item: 'Almuerzo oficial', amountMinor: 420000, currency: 'PEN', paidBy: 'ours' }],
    dietaryNotes: 'Dos integrantes no comen cerdo; una persona vegetariana.',
    interpreterNotes: 'Chen Jing confirmada para los cuatro días.',
    notes: 'Ejemplo inventado.',
  });

  const [scholarships, port] = trip.outcomes;
  if (!scholarships || !port) throw new Error('expected the two outcomes of the trip made above');
  await outcomeToTask({ outcomeId: scholarships.id, dueOn: addDays(now, -5), assignee: 'Ana Torres', priority: 'high' }, ctx, 'invented');
  await outcomeToTask({ outcomeId: port.id, dueOn: addDays(now, 10), assignee: 'Luis Quispe', priority: 'normal' }, ctx, 'invented');
  const task = (fields: Parameters<typeof createTask>[0]) => createTask(fields, ctx, 'invented');
  const base = { description: null, completedOn: null, priority: 'normal' as const };
  // The follow-up of the April trip was done right after it, but never after the day the sample is loaded.
  const doneOn = (day: string) => (day < now ? day : now);
  await task({
    ...base,
    title: 'Enviar al concejo el acta de la firma con Zhangzhou',
    dueOn: '2026-04-30',
    assignee: 'Ana Torres',
    status: 'done',
    completedOn: doneOn('2026-04-24'),
    link: { kind: 'visit', id: trip.id },
  });
  await task({
    ...base,
    title: 'Publicar la nota de prensa y las fotos de la firma',
    dueOn: '2026-04-20',
    assignee: 'María Huamán',
    status: 'done',
    completedOn: doneOn('2026-04-19'),
    link: { kind: 'visit', id: trip.id },
  });
  await task({
    ...base,
    title: 'Reservar intérprete y traslados para la delegación de Shanghai',
    dueOn: addDays(now, 3),
    assignee: 'Luis Quispe',
    status: 'in_progress',
    priority: 'high',
    link: { kind: 'visit', id: reception.id },
  });
  await task({
    ...base,
    title: 'Proponer a Kobe la renovación del acuerdo',
    dueOn: addDays(now, 6),
    assignee: 'Ana Torres',
    status: 'open',
    link: { kind: 'agreement', id: limaKobe.id },
  });
};
