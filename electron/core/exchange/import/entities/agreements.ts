import type { z } from 'zod';
import { AGREEMENT_CHANNELS, AGREEMENT_KINDS, AGREEMENT_STAGES, agreementCreate } from '../../../../../shared/contract/agreements.ts';
import { insertAgreement, updateAgreement } from '../../../features/agreements/app.ts';
import { findAgreement } from '../../../features/agreements/queries.ts';
import { createLocality } from '../../../features/localities/app.ts';
import { fillBlanks, problem, validate, type EntityImporter, type Lookup, type RowProblem } from '../entity.ts';
import { readDate } from '../cells.ts';
import { choiceMatcher, parseCountry, text, type Cell } from '../values.ts';
import { findLocalityByName, rememberLocality } from './localities.ts';

/** The contract's input, plus the partner to create when the spreadsheet names one we do not have yet. */
type Input = z.output<typeof agreementCreate> & { newPartner: { name: string; nativeName: string | null; country: string } | null };

const kind = choiceMatcher(AGREEMENT_KINDS, 'kind', {
  hermanamiento: 'twinning',
  'ciudad hermana': 'twinning',
  'ciudades hermanas': 'twinning',
  'sister city': 'twinning',
  'cidade irmã': 'twinning',
  geminacao: 'twinning',
  irmanamento: 'twinning',
  amistad: 'friendship',
  amizade: 'friendship',
  friendship: 'friendship',
  'ciudad amiga': 'friendship',
  memorando: 'cooperation_memorandum',
  mou: 'cooperation_memorandum',
  'memorandum of understanding': 'cooperation_memorandum',
  convenio: 'cooperation_memorandum',
  'convenio de cooperacion': 'cooperation_memorandum',
  otro: 'other',
  outro: 'other',
});
const stage = choiceMatcher(AGREEMENT_STAGES, 'stage', {
  'en conversaciones': 'under_discussion',
  conversaciones: 'under_discussion',
  negociacion: 'under_discussion',
  'em negociacao': 'under_discussion',
  'carta de intencion': 'letter_of_intent',
  'carta de intencao': 'letter_of_intent',
  'en proceso': 'letter_of_intent',
  firmado: 'signed',
  assinado: 'signed',
  vigente: 'active',
  activo: 'active',
  ativo: 'active',
  inactivo: 'dormant',
  latente: 'dormant',
  terminado: 'ended',
  finalizado: 'ended',
  encerrado: 'ended',
  vencido: 'ended',
});
const channel = choiceMatcher(AGREEMENT_CHANNELS, 'channel', {
  bilateral: 'bilateral',
  foro: 'forum',
  'foro china-celac': 'forum',
  embajada: 'embassy',
  embaixada: 'embassy',
  otro: 'other',
});

const DATE_FIELDS = ['letterOfIntentOn', 'signedOn', 'resolutionOn', 'renewalOn', 'expiresOn', 'endedOn'] as const;
const TEXT_FIELDS = ['signedPlace', 'signatoriesOurs', 'signatoriesTheirs', 'resolutionNumber', 'notes'] as const;

/** Agreements by partner and kind, for duplicates; rows of this import are added as they are created. */
function existingPairs(lookup: Lookup): Map<string, number> {
  let map = lookup.cache.get('agreements') as Map<string, number> | undefined;
  if (!map) {
    map = new Map();
    for (const r of lookup.sqlite.prepare('SELECT id, partner_id, kind FROM agreements WHERE archived_at IS NULL ORDER BY id').all() as {
      id: number;
      partner_id: number;
      kind: string;
    }[]) {
      if (!map.has(`${r.partner_id}|${r.kind}`)) map.set(`${r.partner_id}|${r.kind}`, r.id);
    }
    lookup.cache.set('agreements', map);
  }
  return map;
}

const get = (values: Record<string, Cell>, key: string) => values[key] ?? null;

export const agreementImporter: EntityImporter<Input> = {
  entity: 'agreements',
  fields: [
    {
      key: 'partner',
      label: 'fields.partnerId',
      required: true,
      guesses: ['socio', 'ciudad socia', 'localidad socia', 'contraparte', 'partner', 'parceiro', 'cidade parceira', 'ciudad', 'city', 'cidade', 'localidad'],
    },
    {
      key: 'partnerNativeName',
      label: 'fields.partnerNativeName',
      guesses: ['nombre original', 'nombre en chino', 'chino', 'native name', 'original name', 'nome original', '中文'],
    },
    { key: 'partnerCountry', label: 'fields.country', guesses: ['pais', 'country', 'país', 'pais socio'] },
    { key: 'kind', label: 'fields.kind', guesses: ['tipo', 'kind', 'type', 'clase', 'tipo de acuerdo', 'tipo de acordo'] },
    { key: 'stage', label: 'fields.stage', guesses: ['etapa', 'estado', 'stage', 'status', 'situacion', 'situacao', 'fase'] },
    {
      key: 'letterOfIntentOn',
      label: 'fields.letterOfIntentOn',
      guesses: ['carta de intencion', 'carta de intencao', 'letter of intent', 'fecha carta de intencion'],
    },
    {
      key: 'signedOn',
      label: 'fields.signedOn',
      guesses: ['fecha de firma', 'fecha firma', 'firmado el', 'signed on', 'signature date', 'signed', 'data de assinatura', 'assinatura', 'firma'],
    },
    { key: 'signedPlace', label: 'fields.signedPlace', guesses: ['lugar de firma', 'lugar', 'place of signature', 'place', 'local de assinatura', 'local'] },
    {
      key: 'signatoriesOurs',
      label: 'fields.signatoriesOurs',
      guesses: ['firmantes nuestros', 'firmante local', 'our signatories', 'signatarios nossos', 'firmantes'],
    },
    {
      key: 'signatoriesTheirs',
      label: 'fields.signatoriesTheirs',
      guesses: ['firmantes socio', 'firmante socio', 'their signatories', 'partner signatories', 'signatarios parceiro'],
    },
    {
      key: 'resolutionNumber',
      label: 'fields.resolutionNumber',
      guesses: ['resolucion', 'resolution', 'resolucao', 'ordenanza', 'acuerdo de concejo', 'n resolucion'],
    },
    { key: 'resolutionOn', label: 'fields.resolutionOn', guesses: ['fecha resolucion', 'fecha de resolucion', 'resolution date', 'data da resolucao'] },
    { key: 'channel', label: 'fields.channel', guesses: ['canal', 'channel', 'via'] },
    { key: 'renewalOn', label: 'fields.renewalOn', guesses: ['renovacion', 'renewal', 'renovacao'] },
    { key: 'expiresOn', label: 'fields.expiresOn', guesses: ['vencimiento', 'vence', 'expira', 'expiry', 'expires', 'vigencia hasta', 'validade'] },
    { key: 'endedOn', label: 'fields.endedOn', guesses: ['fecha de fin', 'fin', 'ended', 'end date', 'termino', 'data de termino'] },
    { key: 'notes', label: 'fields.notes', guesses: ['notas', 'observaciones', 'notes', 'obs', 'observacoes', 'comentarios', 'comments'] },
  ],
  parse(values, lookup) {
    const problems: RowProblem[] = [];
    const notes: string[] = [];
    const dates: Record<string, string | null> = {};
    for (const field of DATE_FIELDS) {
      dates[field] = readDate(get(values, field), field, problems);
    }
    const pick = (field: string, match: (c: Cell) => string | null | undefined, fallback: string) => {
      const v = match(get(values, field));
      if (v === null) problems.push(problem(field, 'import.errors.choice', { value: text(get(values, field)) }));
      return v ?? fallback;
    };
    const k = pick('kind', kind, 'twinning');
    // A blank stage is read from the dates the row has.
    const st = pick('stage', stage, dates.endedOn ? 'ended' : dates.signedOn ? 'signed' : dates.letterOfIntentOn ? 'letter_of_intent' : 'under_discussion');
    const ch = pick('channel', channel, 'bilateral');

    const country = parseCountry(get(values, 'partnerCountry'));
    if (country === null) problems.push(problem('partnerCountry', 'import.errors.country', { value: text(get(values, 'partnerCountry')) }));
    const partnerName = text(get(values, 'partner'));
    let partnerId: number | null = null;
    let newPartner: Input['newPartner'] = null;
    if (!partnerName) problems.push(problem('partner', 'errors.required'));
    else {
      partnerId = findLocalityByName(lookup, partnerName, country ?? null);
      if (partnerId === null && country) {
        newPartner = { name: partnerName, nativeName: text(get(values, 'partnerNativeName')) || null, country };
        notes.push(`import.notes.newPartner|${JSON.stringify({ name: partnerName, country })}`);
      } else if (partnerId === null && country === undefined) {
        problems.push(problem('partner', 'import.errors.unknownPartner', { value: partnerName }));
      }
    }
    const fields = {
      partnerId: partnerId ?? 1,
      kind: k,
      stage: st,
      stageDate: (st === 'ended' ? dates.endedOn : st === 'letter_of_intent' ? dates.letterOfIntentOn : dates.signedOn) ?? undefined,
      channel: ch,
      areaIds: [],
      ...dates,
      ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, text(get(values, f)) || null])),
    };
    const schemaProblems: RowProblem[] = [];
    const input = validate(agreementCreate, fields, schemaProblems);
    // A field already reported as unreadable is not reported again for what followed from it.
    const reported = new Set(problems.map((p) => p.field));
    problems.push(...schemaProblems.filter((p) => !reported.has(p.field)));
    const duplicateOf = input && partnerId !== null ? (existingPairs(lookup).get(`${partnerId}|${input.kind}`) ?? null) : null;
    return { input: problems.length || !input ? null : { ...input, newPartner }, problems, notes, duplicateOf };
  },
  async create({ newPartner, ...input }, ctx, lookup) {
    let partnerId = input.partnerId;
    if (newPartner) {
      // Several rows may name the same new partner: the first creates it, the rest find it.
      const known = findLocalityByName(lookup, newPartner.name, newPartner.country);
      if (known) partnerId = known;
      else {
        const created = await createLocality({ ...newPartner, level: 'city', parentId: null, latitude: null, longitude: null }, ctx);
        rememberLocality(lookup, created.id, created.name, created.nativeName, created.country);
        partnerId = created.id;
      }
    }
    const id = await insertAgreement({ ...input, partnerId }, ctx);
    const pairs = existingPairs(lookup);
    if (!pairs.has(`${partnerId}|${input.kind}`)) pairs.set(`${partnerId}|${input.kind}`, id);
  },
  async merge(id, { newPartner: _p, ...input }, ctx) {
    const existing = await findAgreement(ctx.db, id);
    if (!existing) return;
    const { partner: _partner, areas: _areas, stages: _stages, ...own } = existing;
    const merged = fillBlanks(
      { ...own, areaIds: existing.areas.map((a) => a.id) },
      {
        ...Object.fromEntries(DATE_FIELDS.map((f) => [f, input[f]])),
        ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, input[f]])),
      },
    );
    const parsed = agreementCreate.safeParse({ ...merged, partnerId: existing.partnerId, stage: existing.stage, kind: existing.kind });
    // A merge that would break the record's own rules (dates out of order) leaves it as it was.
    if (!parsed.success) return;
    await updateAgreement({ ...parsed.data, stageDate: existing.stageSince ?? undefined, id, version: existing.version } as never, ctx);
  },
};

/** Commitment and task rows name their agreement's kind in the same words. */
export { kind as agreementKind };
