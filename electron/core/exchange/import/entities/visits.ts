import type { z } from 'zod';
import { captured, first } from '../../../../../shared/narrow.ts';
import { localIsoDate } from '../../../../../shared/dates.ts';
import { visitWithDates } from '../../../../../shared/calendar-moves.ts';
import { PARTICIPANT_ROLES, VISIT_DIRECTIONS, VISIT_STATUSES, visitCreate, visitUpdate, type Visit } from '../../../../../shared/contract/visits.ts';
import { createVisit, updateVisit } from '../../../features/visits/app.ts';
import { findVisit } from '../../../features/visits/queries.ts';
import { fillBlanks, fold, problem, validate, type EntityImporter, type Lookup, type RowProblem } from '../entity.ts';
import { AGREEMENT_KIND_GUESSES, readChoice, readCountry, readDate } from '../cells.ts';
import { agreementKind } from './agreements.ts';
import { addSchemaProblems, agreementsOf, knownContacts, onColumns, partnerByName, recordsByKey, rememberContact, rememberFirst } from '../references.ts';
import { choiceMatcher, text, type Cell } from '../values.ts';

type Input = z.output<typeof visitCreate>;
type Participant = Input['participants'][number];

const direction = choiceMatcher(VISIT_DIRECTIONS, ['visits.direction', 'visits.directionLong'], {
  recibida: 'inbound',
  'visita recibida': 'inbound',
  recebida: 'inbound',
  'visita recebida': 'inbound',
  received: 'inbound',
  incoming: 'inbound',
  entrante: 'inbound',
  llegada: 'inbound',
  'delegacion recibida': 'inbound',
  'delegacao recebida': 'inbound',
  inbound: 'inbound',
  enviada: 'outbound',
  realizada: 'outbound',
  'visita realizada': 'outbound',
  'delegacion enviada': 'outbound',
  'delegacao enviada': 'outbound',
  outgoing: 'outbound',
  saliente: 'outbound',
  viaje: 'outbound',
  viagem: 'outbound',
  trip: 'outbound',
  mision: 'outbound',
  missao: 'outbound',
  mission: 'outbound',
  made: 'outbound',
  'visit made': 'outbound',
  outbound: 'outbound',
});
const status = choiceMatcher(VISIT_STATUSES, 'visits.status', {
  hecha: 'done',
  efectuada: 'done',
  concluida: 'done',
  planificada: 'planned',
  programada: 'planned',
  pendiente: 'planned',
  planejada: 'planned',
  suspendida: 'cancelled',
  anulada: 'cancelled',
  cancelado: 'cancelled',
});
const role = choiceMatcher(PARTICIPANT_ROLES, 'visits.role', {
  jefe: 'head_of_delegation',
  jefa: 'head_of_delegation',
  'jefe de delegacion': 'head_of_delegation',
  'jefa de delegacion': 'head_of_delegation',
  chefe: 'head_of_delegation',
  'chefe da delegacao': 'head_of_delegation',
  head: 'head_of_delegation',
  lider: 'head_of_delegation',
  团长: 'head_of_delegation',
  miembro: 'member',
  membro: 'member',
  integrante: 'member',
  interprete: 'interpreter',
  traductor: 'interpreter',
  tradutor: 'interpreter',
  translator: 'interpreter',
  翻译: 'interpreter',
  anfitrion: 'host',
  anfitriao: 'host',
  personal: 'staff',
  funcionario: 'staff',
  otro: 'other',
  outro: 'other',
});

/** A delimited list in one cell: one name (or outcome) per line, or between ; , 、 and |. */
const items = (cell: Cell, separators: RegExp) =>
  text(cell)
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);

const visitKey = (localityId: number | null, purpose: string, startsOn: string) => `${localityId ?? `-${fold(purpose)}`}|${startsOn}`;

/** Visits by partner and first day (or, with no partner, by purpose), for duplicates. */
const knownVisits = (lookup: Lookup) =>
  recordsByKey<{ id: number; locality_id: number | null; purpose: string; starts_on: string }>(
    lookup,
    'visits',
    'SELECT id, locality_id, purpose, starts_on FROM visits WHERE archived_at IS NULL ORDER BY id',
    (r) => visitKey(r.locality_id, r.purpose, r.starts_on),
  );

const HAN = /\p{Script=Han}/u;

/**
 * One participant as typed: "Wang Wei", "Wang Wei (jefe de delegación)", or a
 * name with its Chinese form beside it, "Wang Wei (王伟)" or "王伟 (Wang Wei)".
 */
function readParticipant(item: string, problems: RowProblem[]): { name: string; nativeName: string | null; role: Participant['role'] } {
  const m = /^(.*?)\s*[(（]([^)）]*)[)）]$/.exec(item);
  if (!m) return { name: item, nativeName: null, role: 'member' };
  const [outside, inside] = [captured(m, 1).trim(), captured(m, 2).trim()];
  const as = role(inside);
  if (as) return { name: outside, nativeName: null, role: as };
  if (HAN.test(inside) !== HAN.test(outside))
    return HAN.test(outside) ? { name: inside, nativeName: outside, role: 'member' } : { name: outside, nativeName: inside, role: 'member' };
  problems.push(problem('participants', 'import.errors.role', { value: inside, name: outside }));
  return { name: outside, nativeName: null, role: 'member' };
}

/**
 * "Wang Wei (jefe de delegación); 李娜, Ana Torres": each name is an existing
 * contact (by name or native name) or, as in the visit form, a new contact made
 * in the same save. A name that fits several contacts is not guessed.
 */
function participants(cell: Cell, lookup: Lookup, problems: RowProblem[], notes: string[]): Participant[] {
  const out: Participant[] = [];
  const seen = new Set<string | number>();
  const created: string[] = [];
  for (const item of items(cell, /[;,\n\r、，|]+/)) {
    const { name, nativeName, role: as } = readParticipant(item, problems);
    if (!name || seen.has(fold(name))) continue;
    seen.add(fold(name));
    const known = [fold(name), fold(nativeName ?? '')].map((k) => knownContacts(lookup).get(k) ?? []).find((list) => list.length) ?? [];
    const ids = [...new Set(known.filter((c) => !c.archived).map((c) => c.id))];
    if (ids.length > 1) problems.push(problem('participants', 'import.errors.ambiguousContact', { value: name, count: ids.length }));
    else if (ids.length === 0 && known.length) problems.push(problem('participants', 'import.errors.archivedContact', { value: name }));
    else if (ids.length === 1) {
      // "Wang Wei; 王伟" is one person named twice.
      const id = first(ids, 'a contact id');
      if (!seen.has(id)) out.push({ contactId: id, newContact: null, role: as });
      seen.add(id);
    } else {
      created.push(name);
      out.push({
        contactId: null,
        newContact: { name, nativeName, title: null, organisation: null, localityId: null, languages: null, email: null, phone: null, notes: null },
        role: as,
      });
    }
  }
  if (created.length) notes.push(`import.notes.newContacts|${JSON.stringify({ names: created.join(', ') })}`);
  return out;
}

/** Contacts the visit's save created are found by the rows below. */
function rememberParticipants(lookup: Lookup, visit: Visit) {
  const known = knownContacts(lookup);
  for (const p of visit.participants) {
    if (!(known.get(fold(p.name)) ?? []).some((c) => c.id === p.contactId)) rememberContact(known, p.contactId, p.name, p.nativeName, p.organisation);
  }
}

export const visitImporter: EntityImporter<Input> = {
  entity: 'visits',
  fields: [
    {
      key: 'direction',
      label: 'import.fields.direction',
      required: true,
      guesses: ['tipo de visita', 'direccion', 'direcao', 'direction', 'sentido', 'recibida o enviada', 'tipo', 'type', 'kind'],
    },
    {
      key: 'startsOn',
      label: 'visits.fields.startsOn',
      required: true,
      guesses: [
        'desde',
        'inicio',
        'fecha de inicio',
        'fecha inicio',
        'fecha',
        'llegada',
        'from',
        'start',
        'start date',
        'arrival',
        'data de inicio',
        'data inicial',
        'data',
        'chegada',
        'date',
      ],
    },
    {
      key: 'endsOn',
      label: 'visits.fields.endsOn',
      guesses: [
        'hasta',
        'fin',
        'fecha de fin',
        'fecha fin',
        'fecha de termino',
        'salida',
        'until',
        'end',
        'end date',
        'departure',
        'data final',
        'data de fim',
        'data de termino',
        'partida',
      ],
    },
    { key: 'status', label: 'visits.fields.status', guesses: ['estado', 'status', 'situacion', 'situacao', 'estado de la visita'] },
    {
      key: 'partner',
      label: 'fields.partnerId',
      guesses: [
        'socio',
        'ciudad socia',
        'localidad socia',
        'partner',
        'parceiro',
        'cidade parceira',
        'localidad',
        'localidade',
        'locality',
        'ciudad',
        'cidade',
        'city',
        'origen',
        'destino',
        'origem',
        'destination',
      ],
    },
    { key: 'partnerCountry', label: 'fields.country', guesses: ['pais', 'país', 'country'] },
    { key: 'agreementKind', label: 'import.fields.agreementKind', guesses: AGREEMENT_KIND_GUESSES },
    {
      key: 'purpose',
      label: 'visits.fields.purpose',
      required: true,
      guesses: ['proposito', 'objetivo', 'motivo', 'purpose', 'asunto', 'subject', 'objective', 'tema', 'assunto'],
    },
    { key: 'venue', label: 'visits.fields.venue', guesses: ['lugar', 'sede', 'venue', 'place', 'local', 'sitio'] },
    {
      key: 'participants',
      label: 'import.fields.participants',
      guesses: ['participantes', 'delegacion', 'delegacao', 'integrantes', 'participants', 'delegation', 'members', 'miembros', 'membros'],
    },
    {
      key: 'outcomes',
      label: 'import.fields.outcomes',
      guesses: ['resultados', 'acuerdos alcanzados', 'outcomes', 'results', 'conclusiones', 'conclusoes', 'logros'],
    },
    { key: 'notes', label: 'visits.fields.notes', guesses: ['notas', 'observaciones', 'notes', 'obs', 'observacoes', 'comentarios', 'comments'] },
  ],
  parse(values, lookup) {
    const get = (key: string): Cell => values[key] ?? null;
    const problems: RowProblem[] = [];
    const notes: string[] = [];
    const startsOn = readDate(get('startsOn'), 'startsOn', problems);
    const endsOn = readDate(get('endsOn'), 'endsOn', problems) ?? startsOn;
    const dir = readChoice(direction, get('direction'), 'direction', problems);
    const st = readChoice(status, get('status'), 'status', problems);
    const country = readCountry(get('partnerCountry'), 'partnerCountry', problems);
    const partnerName = text(get('partner'));
    const localityId = partnerName ? partnerByName(lookup, 'partner', partnerName, country, problems) : null;
    // The visit belongs to the partner's agreement when it has only one, or only one of the kind given.
    const kindOfAgreement = readChoice(agreementKind, get('agreementKind'), 'agreementKind', problems);
    const partnerAgreements = localityId === null ? [] : agreementsOf(lookup, localityId).filter((a) => !kindOfAgreement || a.kind === kindOfAgreement);
    if (kindOfAgreement && localityId !== null && partnerAgreements.length === 0)
      problems.push(problem('agreementKind', 'import.errors.unknownAgreement', { value: partnerName }));

    const fields = {
      direction: dir,
      // A visit without a status is done once its last day is past, planned before.
      status: st ?? (endsOn && endsOn < localIsoDate(new Date()) ? 'done' : 'planned'),
      startsOn,
      endsOn,
      localityId,
      venue: text(get('venue')) || null,
      purpose: text(get('purpose')),
      agreementIds: partnerAgreements.length === 1 ? [first(partnerAgreements, 'an agreement').id] : [],
      participants: participants(get('participants'), lookup, problems, notes),
      outcomes: items(get('outcomes'), /[;\n\r]+/).map((t) => ({ id: null, text: t })),
      notes: text(get('notes')) || null,
    };
    const schemaProblems: RowProblem[] = [];
    const input = validate(visitCreate, fields, schemaProblems);
    // A blank end is the start: what is wrong with it is the start's problem.
    const endColumn = text(get('endsOn')) ? 'endsOn' : 'startsOn';
    addSchemaProblems(problems, onColumns(schemaProblems, { localityId: 'partner', agreementIds: 'partner', endsOn: endColumn }));
    const duplicateOf = input ? (knownVisits(lookup).get(visitKey(input.localityId, input.purpose, input.startsOn)) ?? null) : null;
    return { input: problems.length ? null : input, problems, notes, duplicateOf };
  },
  async create(input, ctx, lookup) {
    const created = await createVisit(input, ctx);
    rememberFirst(knownVisits(lookup), visitKey(created.localityId, created.purpose, created.startsOn), created.id);
    rememberParticipants(lookup, created);
  },
  async merge(id, input, ctx, lookup) {
    const existing = await findVisit(ctx.db, id);
    if (!existing) return;
    // Dates, direction and purpose are what made it the same visit; only what it lacks is taken.
    const { localityId, venue, agreementIds, participants: people, outcomes, notes } = input;
    const stored = visitWithDates(existing, existing.startsOn, existing.endsOn, existing.version);
    const merged = fillBlanks(stored, { localityId, venue, agreementIds, participants: people, outcomes, notes });
    rememberParticipants(lookup, await updateVisit(visitUpdate.parse(merged), ctx));
  },
};
