import { z } from './zod-messages.ts';
import { countryCode, id, isoDate, listPaging, optionalDate, optionalText, sortDir, version } from './common.ts';
import type { Locality } from './localities.ts';

export const AGREEMENT_KINDS = ['twinning', 'friendship', 'cooperation_memorandum', 'other'] as const;
export const AGREEMENT_STAGES = ['under_discussion', 'letter_of_intent', 'signed', 'active', 'dormant', 'ended'] as const;
export const AGREEMENT_CHANNELS = ['bilateral', 'forum', 'embassy', 'other'] as const;
export type AgreementStage = (typeof AGREEMENT_STAGES)[number];
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

const stage = z.enum(AGREEMENT_STAGES);
const SIGNED_STAGES: readonly AgreementStage[] = ['signed', 'active', 'dormant', 'ended'];

const agreementObject = z.object({
  partnerId: id,
  kind: z.enum(AGREEMENT_KINDS),
  stage,
  /** When the current stage was reached; defaults to today on the server. */
  stageDate: optionalDate,
  letterOfIntentOn: optionalDate,
  signedOn: optionalDate,
  signedPlace: optionalText(200),
  signatoriesOurs: optionalText(500),
  signatoriesTheirs: optionalText(500),
  resolutionNumber: optionalText(100),
  resolutionOn: optionalDate,
  channel: z.enum(AGREEMENT_CHANNELS),
  areaIds: z.array(id).max(50).default([]),
  renewalOn: optionalDate,
  expiresOn: optionalDate,
  endedOn: optionalDate,
  notes: optionalText(10000),
});

type DateRules = z.infer<typeof agreementObject>;

// Each rule names the field the user must fix, so the message lands beside it.
function checkDates(a: DateRules, ctx: z.RefinementCtx) {
  const after = (later: string | null, earlier: string | null) => !later || !earlier || later >= earlier;
  if (!after(a.signedOn, a.letterOfIntentOn)) ctx.addIssue({ code: 'custom', path: ['signedOn'], message: 'errors.signed_before_intent' });
  if (!after(a.expiresOn, a.signedOn)) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'errors.expires_before_signed' });
  if (!after(a.renewalOn, a.signedOn)) ctx.addIssue({ code: 'custom', path: ['renewalOn'], message: 'errors.renewal_before_signed' });
  if (!after(a.endedOn, a.signedOn ?? a.letterOfIntentOn)) ctx.addIssue({ code: 'custom', path: ['endedOn'], message: 'errors.ended_before_start' });
  if (a.stage === 'ended' && !a.endedOn) ctx.addIssue({ code: 'custom', path: ['endedOn'], message: 'errors.ended_needs_date' });
  if (SIGNED_STAGES.includes(a.stage) && !a.signedOn) ctx.addIssue({ code: 'custom', path: ['signedOn'], message: 'errors.signed_needs_date' });
  if (a.stage === 'letter_of_intent' && !a.letterOfIntentOn) ctx.addIssue({ code: 'custom', path: ['letterOfIntentOn'], message: 'errors.intent_needs_date' });
}

export const agreementFields = agreementObject.superRefine(checkDates);
export type AgreementFields = z.input<typeof agreementFields>;
export const agreementCreate = agreementFields;
export const agreementUpdate = agreementObject.extend({ id, version }).superRefine(checkDates);

export const agreementStageChange = z.object({
  id,
  version,
  stage,
  date: isoDate,
  note: optionalText(500),
});

/** Asked by the form before saving: agreements of this kind with this partner that have not ended. */
export const agreementSimilar = z.object({ partnerId: id, kind: z.enum(AGREEMENT_KINDS), excludeId: id.optional() }).strict();

export const AGREEMENT_SORTS = ['partner', 'country', 'kind', 'stage', 'signedOn', 'updatedAt'] as const;
export const agreementList = z.object({
  search: z.string().max(200).optional(),
  stages: z.array(stage).optional(),
  country: countryCode.optional(),
  areaId: id.optional(),
  archived: z.boolean().default(false),
  sort: z.enum(AGREEMENT_SORTS).default('partner'),
  dir: sortDir.default('asc'),
  ...listPaging,
});
export type AgreementListInput = z.input<typeof agreementList>;

export type AgreementRow = {
  id: number;
  partnerId: number;
  partnerName: string;
  partnerNativeName: string | null;
  country: string;
  kind: (typeof AGREEMENT_KINDS)[number];
  stage: AgreementStage;
  signedOn: string | null;
  expiresOn: string | null;
  sample: 'real' | 'invented' | null;
  archivedAt: string | null;
};

export type AgreementList = { total: number; rows: AgreementRow[] };

export type StageStep = { stage: AgreementStage; date: string; recordedAt: string; userName: string; note: string | null };
export type AuditEntry = {
  id: number;
  action: string;
  at: string;
  userName: string;
  changes: { field: string; before: unknown; after: unknown }[];
};

export type Agreement = Omit<z.output<typeof agreementObject>, 'stageDate'> & {
  id: number;
  version: number;
  stageSince: string | null;
  partner: Locality;
  areas: { id: number; code: string | null; name: string | null }[];
  sample: 'real' | 'invented' | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  stages: StageStep[];
};
