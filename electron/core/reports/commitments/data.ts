import { sql, type Kysely } from 'kysely';
import type { CommitmentStatus } from '../../../../shared/contract/commitments.ts';
import { notFound } from '../../../../shared/contract/result.ts';
import type { DB } from '../../db/schema.ts';
import { statusSql } from '../../features/commitments/status-sql.ts';
import { groupBy } from '../group.ts';
import { officeInfo, type OfficeInfo } from '../office.ts';

export type StatementBeneficiary = { name: string; nativeName: string | null; school: string | null; tutor: string | null; period: string | null; destination: string | null };
export type StatementDelivery = { id: number; deliveredOn: string; quantity: number; valueMinor: number | null; currency: string | null; notes: string | null; beneficiaries: StatementBeneficiary[] };
export type StatementCommitment = {
  id: number;
  agreementId: number;
  partnerName: string;
  partnerNative: string | null;
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
};

export type CommitmentsStatementData = {
  kind: 'commitments';
  office: OfficeInfo;
  /** The partner the statement is for; null for all partners. */
  partner: { id: number; name: string; nativeName: string | null } | null;
  asOf: string;
  commitments: StatementCommitment[];
};

/** Commitments with their deliveries and beneficiaries: for a partner, an agreement, or all. */
export async function loadCommitmentRecords(db: Kysely<DB>, filter: { partnerId?: number; agreementId?: number }, today: string): Promise<StatementCommitment[]> {
  let query = db
    .selectFrom('commitments as c')
    .innerJoin('agreements as a', 'a.id', 'c.agreement_id')
    .innerJoin('localities as l', 'l.id', 'a.partner_id')
    .select([
      'c.id',
      'c.agreement_id as agreementId',
      'l.name as partnerName',
      'l.native_name as partnerNative',
      'c.kind',
      'c.direction',
      'c.description',
      'c.quantity',
      'c.unit',
      'c.value_minor as valueMinor',
      'c.currency',
      'c.due_on as dueOn',
      'c.delivered_quantity as delivered',
      'c.cancel_reason as cancelReason',
      statusSql(today).as('status'),
    ])
    .where('a.archived_at', 'is', null);
  if (filter.partnerId !== undefined) query = query.where('a.partner_id', '=', filter.partnerId);
  if (filter.agreementId !== undefined) query = query.where('c.agreement_id', '=', filter.agreementId);
  const rows = await query.orderBy('l.search_text').orderBy(sql`c.due_on IS NULL, c.due_on, c.id`).execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const deliveries = await db
    .selectFrom('deliveries')
    .select(['id', 'commitment_id as commitmentId', 'delivered_on as deliveredOn', 'quantity', 'value_minor as valueMinor', 'currency', 'notes'])
    .where('commitment_id', 'in', ids)
    .orderBy('delivered_on')
    .orderBy('id')
    .execute();
  const beneficiaries = deliveries.length
    ? await db
        .selectFrom('beneficiaries')
        .select(['delivery_id as deliveryId', 'name', 'native_name as nativeName', 'school', 'tutor', 'period', 'destination'])
        .where('delivery_id', 'in', deliveries.map((d) => d.id))
        .orderBy('delivery_id')
        .orderBy('position')
        .execute()
    : [];
  const byDelivery = groupBy(beneficiaries, (b) => b.deliveryId);
  const byCommitment = groupBy(deliveries, (d) => d.commitmentId);
  return rows.map((r) => ({
    ...r,
    direction: r.direction as 'give' | 'receive',
    deliveries: (byCommitment.get(r.id) ?? []).map(({ commitmentId: _, ...d }) => ({
      ...d,
      beneficiaries: (byDelivery.get(d.id) ?? []).map(({ deliveryId: __, ...b }) => b),
    })),
  }));
}

export async function loadCommitmentsStatement(db: Kysely<DB>, partnerId: number | undefined, today: string): Promise<CommitmentsStatementData> {
  const partner = partnerId === undefined ? null : await db.selectFrom('localities').select(['id', 'name', 'native_name as nativeName']).where('id', '=', partnerId).executeTakeFirst();
  if (partnerId !== undefined && !partner) throw notFound('locality', partnerId);
  return {
    kind: 'commitments',
    office: await officeInfo(db),
    partner: partner ?? null,
    asOf: today,
    commitments: await loadCommitmentRecords(db, partnerId === undefined ? {} : { partnerId }, today),
  };
}
