import type { z } from 'zod';
import {
  COMMITMENT_KINDS,
  COMMITMENT_STATUSES,
  DIRECTIONS,
  MAX_QUANTITY,
  commitmentCreate,
  commitmentUpdate,
} from '../../../../../shared/contract/commitments.ts';
import { captured, present } from '../../../../../shared/narrow.ts';
import { amountText } from '../../../../../shared/amount.ts';
import { stamp } from '../../../app/context.ts';
import { createCommitment, updateCommitment } from '../../../features/commitments/app.ts';
import { changeCommitment, mustFindCommitment } from '../../../features/commitments/records.ts';
import { fillBlanks, fold, problem, validate, type EntityImporter, type Lookup, type RowProblem } from '../entity.ts';
import { parseMoney } from '../money.ts';
import { AGREEMENT_KIND_GUESSES, readChoice, readCountry, readDate } from '../cells.ts';
import { addSchemaProblems, agreementNamed, cached, onColumns, recordsByKey, rememberFirst } from '../references.ts';
import { choiceMatcher, text, type Cell } from '../values.ts';

/** The contract's input, and the reason when the sheet says the commitment was cancelled (the one status stored, not derived). */
type Input = z.output<typeof commitmentCreate> & { cancelReason: string | null };

const kind = choiceMatcher(COMMITMENT_KINDS, 'commitments.kind', {
  beca: 'scholarship',
  becas: 'scholarship',
  bolsa: 'scholarship',
  bolsas: 'scholarship',
  'bolsas de estudo': 'scholarship',
  scholarships: 'scholarship',
  donacion: 'donation_in_kind',
  donativo: 'donation_in_kind',
  doacao: 'donation_in_kind',
  donation: 'donation_in_kind',
  'donacion de equipos': 'donation_in_kind',
  'donacion economica': 'donation_in_cash',
  'donacion en dinero': 'donation_in_cash',
  'doacao em dinheiro': 'donation_in_cash',
  'cash donation': 'donation_in_cash',
  'aporte economico': 'donation_in_cash',
  intercambio: 'exchange',
  intercambios: 'exchange',
  'intercambio cultural': 'exchange',
  capacitacion: 'training',
  formacion: 'training',
  curso: 'training',
  cursos: 'training',
  treinamento: 'training',
  'asistencia tecnica': 'technical_assistance',
  asesoria: 'technical_assistance',
  consultoria: 'technical_assistance',
  proyecto: 'joint_project',
  'proyecto conjunto': 'joint_project',
  projeto: 'joint_project',
  project: 'joint_project',
  otro: 'other',
  outro: 'other',
});
const direction = choiceMatcher(DIRECTIONS, 'commitments.direction', {
  damos: 'give',
  'nosotros damos': 'give',
  ofrecemos: 'give',
  otorgamos: 'give',
  entregamos: 'give',
  give: 'give',
  given: 'give',
  outgoing: 'give',
  oferecemos: 'give',
  recibimos: 'receive',
  'nos dan': 'receive',
  recebemos: 'receive',
  receive: 'receive',
  received: 'receive',
  incoming: 'receive',
});

const status = choiceMatcher(COMMITMENT_STATUSES, 'commitments.status', {
  cancelada: 'cancelled',
  anulado: 'cancelled',
  anulada: 'cancelled',
  canceled: 'cancelled',
  pendiente: 'promised',
  pendente: 'promised',
  prometida: 'promised',
  entregada: 'delivered',
  cumplido: 'delivered',
  cumplida: 'delivered',
  cumprido: 'delivered',
  fulfilled: 'delivered',
  'entregado parcialmente': 'partly_delivered',
  parcial: 'partly_delivered',
  vencida: 'overdue',
});

/**
 * "6", "1.000", "10 becas": a whole number, with the unit after it when the
 * sheet has no unit column. A blank quantity is one (a single donation).
 */
function quantity(cell: Cell, problems: RowProblem[]): { quantity: number; unit: string | null } {
  if (cell === null || text(cell) === '') return { quantity: 1, unit: null };
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell)) problems.push(problem('quantity', 'import.errors.quantity', { value: String(cell) }));
    return { quantity: Math.round(cell), unit: null };
  }
  const m = /^(\d{1,3}(?:[.,\s]\d{3})+|\d+)\s*(\D*)$/.exec(text(cell));
  if (!m || Number(captured(m, 1).replace(/\D/g, '')) > MAX_QUANTITY) {
    problems.push(problem('quantity', 'import.errors.quantity', { value: text(cell) }));
    return { quantity: 1, unit: null };
  }
  return { quantity: Number(captured(m, 1).replace(/\D/g, '')), unit: captured(m, 2).trim() || null };
}

const commitmentKey = (agreementId: number, k: string, description: string) => `${agreementId}|${k}|${fold(description)}`;

/** Commitments by agreement, kind and description, for duplicates. */
const knownCommitments = (lookup: Lookup) =>
  recordsByKey<{ id: number; agreement_id: number; kind: string; description: string }>(
    lookup,
    'commitments',
    'SELECT id, agreement_id, kind, description FROM commitments ORDER BY id',
    (r) => commitmentKey(r.agreement_id, r.kind, r.description),
  );

/** Thematic areas by their label in any of the three languages, or by the name an office gave its own. */
const areaNamed = (lookup: Lookup) =>
  cached(lookup, 'areas', () => {
    const rows = lookup.sqlite.prepare('SELECT id, code, name FROM thematic_areas').all() as { id: number; code: string | null; name: string | null }[];
    const byCode = new Map(rows.flatMap((r): [string, number][] => (r.code ? [[r.code, r.id]] : [])));
    const byName = new Map(rows.flatMap((r): [string, number][] => (r.name ? [[fold(r.name), r.id]] : [])));
    const code = choiceMatcher([...byCode.keys()], 'area');
    return (cell: Cell): number | null | undefined => {
      const c = code(cell);
      // code() answers only the codes it was given, byCode's keys.
      return c ? present(byCode.get(c), `area ${c}`) : c === undefined ? undefined : (byName.get(fold(text(cell))) ?? null);
    };
  });

export const commitmentImporter: EntityImporter<Input> = {
  entity: 'commitments',
  fields: [
    {
      key: 'partner',
      label: 'commitments.fields.partner',
      required: true,
      guesses: [
        'socio',
        'ciudad socia',
        'localidad socia',
        'acuerdo',
        'convenio',
        'partner',
        'agreement',
        'parceiro',
        'acordo',
        'cidade parceira',
        'ciudad',
        'cidade',
        'city',
      ],
    },
    { key: 'partnerCountry', label: 'fields.country', guesses: ['pais', 'país', 'country'] },
    { key: 'agreementKind', label: 'import.fields.agreementKind', guesses: AGREEMENT_KIND_GUESSES },
    { key: 'area', label: 'commitments.fields.areaId', guesses: ['area', 'area tematica', 'thematic area', 'sector', 'eje tematico', 'eixo'] },
    {
      key: 'kind',
      label: 'commitments.fields.kind',
      guesses: ['tipo de compromiso', 'tipo de compromisso', 'commitment kind', 'tipo', 'kind', 'type', 'clase', 'categoria', 'category'],
    },
    {
      key: 'direction',
      label: 'commitments.fields.direction',
      guesses: ['direccion', 'direcao', 'direction', 'sentido', 'damos o recibimos', 'damos ou recebemos', 'give or receive'],
    },
    {
      key: 'description',
      label: 'commitments.fields.description',
      required: true,
      guesses: ['descripcion', 'descricao', 'description', 'compromiso', 'compromisso', 'commitment', 'detalle', 'detalhe', 'concepto'],
    },
    { key: 'quantity', label: 'commitments.fields.quantity', guesses: ['cantidad', 'quantidade', 'quantity', 'numero', 'cant', 'qty'] },
    { key: 'unit', label: 'commitments.fields.unit', guesses: ['unidad', 'unidade', 'unit', 'units'] },
    { key: 'value', label: 'import.fields.amount', guesses: ['valor', 'monto', 'importe', 'value', 'amount', 'montante', 'valor estimado', 'monto estimado'] },
    { key: 'currency', label: 'commitments.fields.currency', guesses: ['moneda', 'moeda', 'currency', 'divisa'] },
    { key: 'status', label: 'commitments.fields.status', guesses: ['estado', 'status', 'situacion', 'situacao'] },
    {
      key: 'dueOn',
      label: 'commitments.fields.dueOn',
      guesses: ['fecha limite', 'plazo', 'vence', 'vencimiento', 'due', 'due date', 'deadline', 'prazo', 'data limite', 'fecha'],
    },
    { key: 'notes', label: 'commitments.fields.notes', guesses: ['notas', 'observaciones', 'notes', 'obs', 'observacoes', 'comentarios', 'comments'] },
  ],
  parse(values, lookup) {
    const get = (key: string): Cell => values[key] ?? null;
    const problems: RowProblem[] = [];
    const notes: string[] = [];
    const country = readCountry(get('partnerCountry'), 'partnerCountry', problems);
    const agreementId = agreementNamed(lookup, { partner: 'partner', kind: 'agreementKind' }, get('partner'), get('agreementKind'), country, problems);
    const k = readChoice(kind, get('kind'), 'kind', problems);
    const dir = readChoice(direction, get('direction'), 'direction', problems);
    const dueOn = readDate(get('dueOn'), 'dueOn', problems);
    // Delivered or overdue follow from the deliveries and the date; only a cancellation is recorded as such.
    const st = readChoice(status, get('status'), 'status', problems);
    if (st === 'delivered' || st === 'partly_delivered') notes.push('import.notes.deliveriesNotImported');
    const areaId = areaNamed(lookup)(get('area'));
    if (areaId === null) problems.push(problem('area', 'import.errors.unknownArea', { value: text(get('area')) }));
    const amount = quantity(get('quantity'), problems);
    const money = parseMoney(get('value'), get('currency'), problems, lookup.locale);

    const fields = {
      agreementId: agreementId ?? 0,
      areaId: areaId ?? null,
      kind: k ?? 'other',
      direction: dir ?? 'receive',
      description: text(get('description')),
      quantity: amount.quantity,
      unit: text(get('unit')) || amount.unit,
      ...money,
      dueOn,
      notes: text(get('notes')) || null,
    };
    const schemaProblems: RowProblem[] = [];
    const input = validate(commitmentCreate, fields, schemaProblems);
    addSchemaProblems(problems, onColumns(schemaProblems, { agreementId: 'partner', areaId: 'area' }));
    const duplicateOf = input ? (knownCommitments(lookup).get(commitmentKey(input.agreementId, input.kind, input.description)) ?? null) : null;
    const cancelReason = st === 'cancelled' ? (fields.notes ?? text(get('status'))) : null;
    return { input: problems.length || !input ? null : { ...input, cancelReason }, problems, notes, duplicateOf };
  },
  async create({ cancelReason, ...input }, ctx, lookup) {
    const created = await createCommitment(input, ctx);
    if (cancelReason) await changeCommitment(ctx, created.id, created.version, () => ({ cancelled_at: stamp(ctx), cancel_reason: cancelReason }));
    rememberFirst(knownCommitments(lookup), commitmentKey(created.agreementId, created.kind, created.description), created.id);
  },
  async merge(id, input, ctx, lookup) {
    const c = await mustFindCommitment(ctx, id);
    const stored = {
      id,
      version: c.version,
      agreementId: c.agreementId,
      areaId: c.areaId,
      kind: c.kind,
      direction: c.direction,
      description: c.description,
      quantity: c.quantity,
      unit: c.unit,
      value: c.valueMinor === null || c.currency === null ? null : amountText(c.valueMinor, c.currency, lookup.locale),
      currency: c.currency,
      dueOn: c.dueOn,
      notes: c.notes,
    };
    // The value and its currency come together or not at all; what the record has is kept.
    const money = stored.value === null ? { value: input.value, currency: input.currency } : {};
    const merged = fillBlanks(stored, { areaId: input.areaId, unit: input.unit, dueOn: input.dueOn, notes: input.notes, ...money });
    await updateCommitment(commitmentUpdate.parse(merged), ctx);
  },
};
