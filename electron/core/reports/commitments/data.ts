import { sql, type Kysely } from 'kysely';
import type { CommitmentStatus } from '../../../../shared/contract/commitments.ts';
import { notFound } from '../../../../shared/contract/result.ts';
import type { DB } from '../../db/schema.ts';
import { deliveredBySql, deliveredValues, madeOnSql, statusAtSql } from '../../features/figures/commitments.ts';
import type { MoneyTotal } from '../../../../shared/money.ts';
import { groupBy } from '../group.ts';
import { officeInfo, type OfficeInfo } from '../office.ts';

export type StatementBeneficiary = {
  name: string;
  nativeName: string | null;
  school: string | null;
  tutor: string | null;
  period: string | null;
  destination: string | null;
};
export type StatementDelivery = {
  id: number;
  deliveredOn: string;
  quantity: number;
  valueMinor: number | null;
  currency: string | null;
  notes: string | null;
  beneficiaries: StatementBeneficiary[];
};
export type StatementCommitment = {
  id: number;
  agreementId: number;
  partnerName: string;
  partnerNative: string | null;
  partnerCountry: string;
  kind: string;
  direction: 'give' | 'receive';
  description: string;
  quantity: number;
  unit: string | null;
  valueMinor: number | null;
  currency: string | null;
  dueOn: string | null;
  delivered: number;
  status: CommitmentStatus;
  cancelReason: string | null;
  deliveries: StatementDelivery[];
  /** Value delivered by the statement's date, per currency (features/figures: a delivery without its own value is worth its share). */
  deliveredValue: MoneyTotal[];
};

export type CommitmentsStatementData = {
  kind: 'commitments';
  office: OfficeInfo;
  /** The partner the statement is for; null for all partners. */
  partner: { id: number; name: string; nativeName: string | null; country: string } | null;
  /** The day the statement describes: today, or a past day such as 31 December to close a year. */
  asOf: string;
  commitments: StatementCommitment[];
};

/**
 * Commitments with their deliveries and beneficiaries, for a partner, an agreement, or all, as they stood at the
 * end of `asAt`: made by then, with the deliveries up to that day and their status and cancellation on that day.
 */
export async function loadCommitmentRecords(
  db: Kysely<DB>,
  filter: { partnerId?: number; agreementId?: number },
  asAt: string,
): Promise<StatementCommitment[]> {
  let query = db
    .selectFrom('commitments as c')
    .innerJoin('agreements as a', 'a.id', 'c.agreement_id')
    .innerJoin('localities as l', 'l.id', 'a.partner_id')
    .select([
      'c.id',
      'c.agreement_id as agreementId',
      'l.name as partnerName',
      'l.native_name as partnerNative',
      'l.country as partnerCountry',
      'c.kind',
      'c.direction',
      'c.description',
      'c.quantity',
      'c.unit',
      'c.value_minor as valueMinor',
      'c.currency',
      'c.due_on as dueOn',
      deliveredBySql(asAt).as('delivered'),
      sql<string | null>`CASE WHEN ${statusAtSql(asAt)} = 'cancelled' THEN c.cancel_reason END`.as('cancelReason'),
      statusAtSql(asAt).as('status'),
    ])
    .where('a.archived_at', 'is', null)
    .where(sql<boolean>`${madeOnSql} <= ${asAt}`);
  if (filter.partnerId !== undefined) query = query.where('a.partner_id', '=', filter.partnerId);
  if (filter.agreementId !== undefined) query = query.where('c.agreement_id', '=', filter.agreementId);
  const rows = await query
    .orderBy('l.search_text')
    .orderBy(sql`c.due_on IS NULL, c.due_on, c.id`)
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const deliveries = await db
    .selectFrom('deliveries')
    .select(['id', 'commitment_id as commitmentId', 'delivered_on as deliveredOn', 'quantity', 'value_minor as valueMinor', 'currency', 'notes'])
    .where('commitment_id', 'in', ids)
    .where('delivered_on', '<=', asAt)
    .orderBy('delivered_on')
    .orderBy('id')
    .execute();
  const beneficiaries = deliveries.length
    ? await db
        .selectFrom('beneficiaries')
        .select(['delivery_id as deliveryId', 'name', 'native_name as nativeName', 'school', 'tutor', 'period', 'destination'])
        .where(
          'delivery_id',
          'in',
          deliveries.map((d) => d.id),
        )
        .orderBy('delivery_id')
        .orderBy('position')
        .execute()
    : [];
  const byDelivery = groupBy(beneficiaries, (b) => b.deliveryId);
  const byCommitment = groupBy(deliveries, (d) => d.commitmentId);
  const values = await deliveredValues(db, ids, { to: asAt });
  return rows.map((r) => ({
    ...r,
    direction: r.direction,
    deliveries: (byCommitment.get(r.id) ?? []).map(({ commitmentId: _, ...d }) => ({
      ...d,
      beneficiaries: (byDelivery.get(d.id) ?? []).map(({ deliveryId: __, ...b }) => b),
    })),
    deliveredValue: values.get(r.id) ?? [],
  }));
}

export async function loadCommitmentsStatement(db: Kysely<DB>, partnerId: number | undefined, asAt: string): Promise<CommitmentsStatementData> {
  const partner =
    partnerId === undefined
      ? null
      : await db.selectFrom('localities').select(['id', 'name', 'native_name as nativeName', 'country']).where('id', '=', partnerId).executeTakeFirst();
  if (partnerId !== undefined && !partner) throw notFound('locality', partnerId);
  return {
    kind: 'commitments',
    office: await officeInfo(db),
    partner: partner ?? null,
    asOf: asAt,
    commitments: await loadCommitmentRecords(db, partnerId === undefined ? {} : { partnerId }, asAt),
  };
}
