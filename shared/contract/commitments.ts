import { z } from './zod-messages.ts';
import { id, isoDate, listPaging, optionalDate, optionalText, requiredText, sortDir, version } from './common.ts';
import { isCurrency, type MoneyTotal } from '../money.ts';

export const COMMITMENT_KINDS = [
  'scholarship',
  'donation_in_kind',
  'donation_in_cash',
  'exchange',
  'training',
  'technical_assistance',
  'joint_project',
  'other',
] as const;
export const DIRECTIONS = ['give', 'receive'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];
export type Direction = (typeof DIRECTIONS)[number];

/** Derived from the record and its deliveries, never typed: see shared/commitment-status.ts. */
export const COMMITMENT_STATUSES = ['promised', 'partly_delivered', 'delivered', 'overdue', 'cancelled'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
/** What an officer still has to chase. */
export const OPEN_STATUSES: readonly CommitmentStatus[] = ['promised', 'partly_delivered', 'overdue'];

/** Largest quantity one commitment or delivery may carry; far above any real scholarship or donation. */
export const MAX_QUANTITY = 1_000_000;

const currencyCode = z
  .union([z.string().trim().toUpperCase(), z.literal('')])
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isCurrency(v), 'commitmentsErrors.currency');

/**
 * An amount as typed, written the office's region's way ("12.400,50" in es-UY);
 * the server reads it with the office's locale (shared/amount.ts), and the form
 * checks it the same way before sending (`typedAmountRule`).
 */
const amountText = optionalText(30);

export const moneyFields = { value: amountText, currency: currencyCode };

type MoneyInput = { value: string | null; currency: string | null };

// Both or neither; how the amount is written depends on the office's region, read with it on the server.
function checkMoney(m: MoneyInput, ctx: z.RefinementCtx) {
  if (m.value !== null && m.currency === null) ctx.addIssue({ code: 'custom', path: ['currency'], message: 'commitmentsErrors.currency_needed' });
  if (m.value === null && m.currency !== null) ctx.addIssue({ code: 'custom', path: ['value'], message: 'commitmentsErrors.amount_needed' });
}

const quantity = z.number().int().max(MAX_QUANTITY);

const commitmentObject = z.object({
  agreementId: id,
  areaId: id.nullish().transform((v) => v ?? null),
  kind: z.enum(COMMITMENT_KINDS),
  direction: z.enum(DIRECTIONS),
  description: requiredText(500),
  quantity: quantity.min(1),
  unit: optionalText(60),
  ...moneyFields,
  dueOn: optionalDate,
  notes: optionalText(10000),
});

export const commitmentFields = commitmentObject.superRefine(checkMoney);
export type CommitmentFields = z.input<typeof commitmentFields>;
export const commitmentCreate = commitmentFields;
export const commitmentUpdate = commitmentObject.extend({ id, version }).superRefine(checkMoney);

export const commitmentCancel = z.object({ id, version, reason: requiredText(500) }).strict();
export const commitmentReopen = z.object({ id, version }).strict();

export const beneficiaryFields = z.object({
  name: requiredText(200),
  nativeName: optionalText(200),
  school: optionalText(200),
  tutor: optionalText(200),
  period: optionalText(100),
  destination: optionalText(200),
});
export type BeneficiaryFields = z.input<typeof beneficiaryFields>;

const deliveryObject = z.object({
  commitmentId: id,
  deliveredOn: isoDate,
  quantity: quantity.min(0),
  ...moneyFields,
  notes: optionalText(5000),
  beneficiaries: z.array(beneficiaryFields).max(500).default([]),
  /** Set once the user has seen that this delivery goes beyond what was promised. */
  confirmOverDelivery: z.boolean().default(false),
});
export const deliveryFields = deliveryObject.superRefine(checkMoney);
export type DeliveryFields = z.input<typeof deliveryFields>;
export const deliveryCreate = deliveryFields;
export const deliveryUpdate = deliveryObject.omit({ commitmentId: true }).extend({ id, version }).superRefine(checkMoney);
export const deliveryRemove = z.object({ id, version }).strict();

export const COMMITMENT_SORTS = ['dueOn', 'partner', 'description', 'kind', 'direction', 'delivered', 'value', 'status', 'updatedAt'] as const;
export const commitmentList = z.object({
  search: z.string().max(200).optional(),
  statuses: z.array(z.enum(COMMITMENT_STATUSES)).max(COMMITMENT_STATUSES.length).optional(),
  kind: z.enum(COMMITMENT_KINDS).optional(),
  direction: z.enum(DIRECTIONS).optional(),
  areaId: id.optional(),
  partnerId: id.optional(),
  agreementId: id.optional(),
  year: z.number().int().min(1900).max(2200).optional(),
  sort: z.enum(COMMITMENT_SORTS).default('dueOn'),
  dir: sortDir.default('asc'),
  ...listPaging,
});
export type CommitmentListInput = z.input<typeof commitmentList>;

export const TOTAL_GROUPS = ['agreement', 'partner', 'year', 'kind', 'direction'] as const;
export type TotalGroup = (typeof TOTAL_GROUPS)[number];
export const commitmentTotals = commitmentList
  .pick({ statuses: true, kind: true, direction: true, areaId: true, partnerId: true, agreementId: true, year: true })
  .extend({ groupBy: z.enum(TOTAL_GROUPS) })
  .strict();

export type CommitmentRow = {
  id: number;
  agreementId: number;
  partnerId: number;
  partnerName: string;
  partnerNativeName: string | null;
  areaId: number | null;
  kind: CommitmentKind;
  direction: Direction;
  description: string;
  quantity: number;
  delivered: number;
  unit: string | null;
  valueMinor: number | null;
  currency: string | null;
  dueOn: string | null;
  status: CommitmentStatus;
};
export type CommitmentList = { total: number; rows: CommitmentRow[] };

export type Beneficiary = z.output<typeof beneficiaryFields> & { id: number };
export type Delivery = {
  id: number;
  version: number;
  commitmentId: number;
  deliveredOn: string;
  quantity: number;
  valueMinor: number | null;
  currency: string | null;
  notes: string | null;
  overDeliveryConfirmed: boolean;
  beneficiaries: Beneficiary[];
};

export type Commitment = Omit<z.output<typeof commitmentObject>, 'value'> & {
  id: number;
  version: number;
  valueMinor: number | null;
  partnerId: number;
  partnerName: string;
  partnerNativeName: string | null;
  agreementKind: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  delivered: number;
  status: CommitmentStatus;
  deliveries: Delivery[];
  /** Value delivered so far, per currency. */
  deliveredValue: MoneyTotal[];
  createdAt: string;
  updatedAt: string;
};

export type TotalsRow = {
  key: string;
  /** A partner or agreement name to show; enum groups are translated by the screen from `key`. */
  label: string | null;
  nativeLabel: string | null;
  commitments: number;
  byStatus: Record<CommitmentStatus, number>;
  promised: MoneyTotal[];
  delivered: MoneyTotal[];
};
