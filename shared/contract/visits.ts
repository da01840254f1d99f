import { z } from './zod-messages.ts';
import { contactFields } from './contacts.ts';
import { PARTICIPANT_ROLES, VISIT_DIRECTIONS, VISIT_STATUSES, type ParticipantRole, type VisitDirection, type VisitStatus } from './visit-kinds.ts';

export { PARTICIPANT_ROLES, VISIT_DIRECTIONS, VISIT_STATUSES, type ParticipantRole, type VisitDirection, type VisitStatus } from './visit-kinds.ts';
import { id, isoDate, listPaging, optionalText, requiredText, sampleKind, sortDir, version } from './common.ts';
import { amountMinor, currencyCode, type MoneyTotal } from './money.ts';
import { TASK_PRIORITIES, type TaskPriority, type TaskStatus } from './tasks.ts';

export const COST_PAYERS = ['ours', 'partner', 'third_party'] as const;
export const GIFT_DIRECTIONS = ['given', 'received'] as const;

/** A participant is an existing contact, or a new one created in the same save. */
export const participantInput = z
  .object({
    contactId: id.nullish().transform((v) => v ?? null),
    newContact: contactFields.nullish().transform((v) => v ?? null),
    role: z.enum(PARTICIPANT_ROLES),
  })
  .superRefine((p, ctx) => {
    if ((p.contactId === null) === (p.newContact === null)) ctx.addIssue({ code: 'custom', path: ['contactId'], message: 'visitsErrors.participant_contact' });
  });

const hhmm = z
  .union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'visitsErrors.time')])
  .nullish()
  .transform((v) => (v ? v : null));

export const agendaItemInput = z.object({
  onDate: isoDate,
  atTime: hhmm,
  place: optionalText(300),
  what: requiredText(1000),
  withWhom: optionalText(500),
});

export const outcomeInput = z.object({
  /** Present when editing an outcome that already exists, so its task link is kept. */
  id: id.nullish().transform((v) => v ?? null),
  text: requiredText(2000),
});

export const costInput = z.object({
  item: requiredText(300),
  amountMinor,
  currency: currencyCode,
  paidBy: z.enum(COST_PAYERS),
});

export const giftInput = z
  .object({
    direction: z.enum(GIFT_DIRECTIONS),
    what: requiredText(300),
    counterpart: optionalText(300),
    valueMinor: amountMinor.nullish().transform((v) => v ?? null),
    currency: z
      .union([z.literal(''), currencyCode])
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((g, ctx) => {
    if (g.valueMinor !== null && !g.currency) ctx.addIssue({ code: 'custom', path: ['currency'], message: 'visitsErrors.gift_currency' });
    if (g.valueMinor === null && g.currency) ctx.addIssue({ code: 'custom', path: ['valueMinor'], message: 'visitsErrors.gift_value' });
  });

const visitObject = z.object({
  direction: z.enum(VISIT_DIRECTIONS),
  status: z.enum(VISIT_STATUSES),
  startsOn: isoDate,
  endsOn: isoDate,
  localityId: id.nullish().transform((v) => v ?? null),
  venue: optionalText(300),
  purpose: requiredText(2000),
  agreementIds: z.array(id).max(50).default([]),
  participants: z.array(participantInput).max(500).default([]),
  agenda: z.array(agendaItemInput).max(500).default([]),
  outcomes: z.array(outcomeInput).max(500).default([]),
  costs: z.array(costInput).max(500).default([]),
  gifts: z.array(giftInput).max(500).default([]),
  dietaryNotes: optionalText(2000),
  interpreterNotes: optionalText(2000),
  notes: optionalText(10000),
});

type VisitRules = z.output<typeof visitObject>;

function checkVisit(v: VisitRules, ctx: z.RefinementCtx) {
  if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'visitsErrors.ends_before_starts' });
  v.agenda.forEach((item, i) => {
    if (item.onDate < v.startsOn || item.onDate > v.endsOn)
      ctx.addIssue({ code: 'custom', path: ['agenda', i, 'onDate'], message: 'visitsErrors.agenda_outside' });
  });
  const seen = new Set<number>();
  v.participants.forEach((p, i) => {
    if (p.contactId === null) return;
    if (seen.has(p.contactId)) ctx.addIssue({ code: 'custom', path: ['participants', i, 'contactId'], message: 'visitsErrors.participant_twice' });
    seen.add(p.contactId);
  });
}

export const visitFields = visitObject.superRefine(checkVisit);
export type VisitFields = z.input<typeof visitFields>;
export const visitCreate = visitFields;
export const visitUpdate = visitObject.extend({ id, version }).superRefine(checkVisit);

/** Turns one outcome into a follow-up task linked to the visit, in one step. */
export const outcomeToTask = z
  .object({
    outcomeId: id,
    dueOn: isoDate.nullish().transform((v) => v ?? null),
    assignee: optionalText(100),
    priority: z.enum(TASK_PRIORITIES).default('normal'),
  })
  .strict();

export const VISIT_SORTS = ['startsOn', 'purpose', 'place', 'direction', 'status', 'updatedAt'] as const;
export const visitList = z.object({
  search: z.string().max(200).optional(),
  direction: z.enum(VISIT_DIRECTIONS).optional(),
  status: z.enum(VISIT_STATUSES).optional(),
  year: z.number().int().min(1900).max(2200).optional(),
  /** A partner locality: visits held there or under an agreement with it. */
  partnerId: id.optional(),
  agreementId: id.optional(),
  contactId: id.optional(),
  archived: z.boolean().default(false),
  sort: z.enum(VISIT_SORTS).default('startsOn'),
  dir: sortDir.default('desc'),
  ...listPaging,
});
export type VisitListInput = z.input<typeof visitList>;

export type VisitRow = {
  id: number;
  direction: VisitDirection;
  status: VisitStatus;
  startsOn: string;
  endsOn: string;
  localityName: string | null;
  localityNativeName: string | null;
  venue: string | null;
  purpose: string;
  participants: number;
  sample: z.infer<typeof sampleKind>;
  archivedAt: string | null;
};
export type VisitList = { total: number; rows: VisitRow[] };

export type VisitParticipant = {
  contactId: number;
  role: ParticipantRole;
  name: string;
  nativeName: string | null;
  title: string | null;
  organisation: string | null;
};
export type VisitAgendaItem = z.output<typeof agendaItemInput>;
export type VisitOutcome = { id: number; text: string; taskId: number | null; taskStatus: TaskStatus | null };
export type VisitCost = z.output<typeof costInput>;
export type VisitGift = z.output<typeof giftInput>;
/** A visit's costs: the office's and the others' (partner, third party), each per currency. */
export type CostsByPayer = { office: MoneyTotal[]; others: MoneyTotal[] };
export type VisitTask = { id: number; title: string; dueOn: string | null; status: TaskStatus; priority: TaskPriority; assignee: string | null };

export type Visit = {
  id: number;
  version: number;
  direction: VisitDirection;
  status: VisitStatus;
  startsOn: string;
  endsOn: string;
  localityId: number | null;
  locality: { id: number; name: string; nativeName: string | null; country: string } | null;
  venue: string | null;
  purpose: string;
  agreementIds: number[];
  agreements: { id: number; partnerName: string; partnerNativeName: string | null; kind: string }[];
  participants: VisitParticipant[];
  agenda: VisitAgendaItem[];
  outcomes: VisitOutcome[];
  costs: VisitCost[];
  /** Per currency, paid by the office apart from paid by the partner or a third party (electron/core/features/figures/visits.ts). */
  costTotals: CostsByPayer;
  gifts: VisitGift[];
  dietaryNotes: string | null;
  interpreterNotes: string | null;
  notes: string | null;
  tasks: VisitTask[];
  sample: z.infer<typeof sampleKind>;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
};
