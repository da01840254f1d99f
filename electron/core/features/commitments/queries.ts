import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Beneficiary, Commitment, CommitmentList, Delivery } from '../../../../shared/contract/commitments.ts';
import type { CallParsed } from '../../../../shared/contract/index.ts';
import { likePattern } from '../../../../shared/text/search-key.ts';
import type { DB } from '../../db/schema.ts';
import { sortTerms } from '../../db/sort.ts';
import { deliveredValues, inYearSql } from '../figures/public.ts';
import { statusFilterSql, statusSql } from '../figures/public.ts';

export type CommitmentFilters = Pick<
  CallParsed<'commitments.list'>,
  'search' | 'statuses' | 'kind' | 'direction' | 'areaId' | 'partnerId' | 'agreementId' | 'year'
>;

/**
 * Commitments `c` joined to their agreement `a` and partner `l`, narrowed by the list's filters.
 * An archived agreement is gone from the office's view (until undone), and so are its commitments,
 * as in every report. A year is the year rule of the figures module, the annual report's.
 */
export function filteredCommitments(db: Kysely<DB>, q: CommitmentFilters, today: string) {
  let query = db
    .selectFrom('commitments as c')
    .innerJoin('agreements as a', 'a.id', 'c.agreement_id')
    .innerJoin('localities as l', 'l.id', 'a.partner_id')
    .where('a.archived_at', 'is', null);
  if (q.statuses) query = query.where(statusFilterSql(q.statuses, today));
  if (q.kind) query = query.where('c.kind', '=', q.kind);
  if (q.direction) query = query.where('c.direction', '=', q.direction);
  if (q.areaId !== undefined) query = query.where('c.area_id', '=', q.areaId);
  if (q.partnerId !== undefined) query = query.where('a.partner_id', '=', q.partnerId);
  if (q.agreementId !== undefined) query = query.where('c.agreement_id', '=', q.agreementId);
  if (q.year !== undefined) query = query.where(inYearSql(q.year));
  if (q.search?.trim()) {
    const pattern = likePattern(q.search);
    query = query.where(sql<SqlBool>`(c.search_text LIKE ${pattern} ESCAPE '\\' OR l.search_text LIKE ${pattern} ESCAPE '\\')` as Expression<SqlBool>);
  }
  return query;
}

/** The two statements behind the list: exposed so the benchmark can run the same SQL raw. */
export function commitmentListQueries(db: Kysely<DB>, q: CallParsed<'commitments.list'>, today: string) {
  const base = filteredCommitments(db, q, today);
  const status = statusSql(today);
  // Undated commitments (and those without a value) go last: an officer works down the list by date.
  const order = {
    dueOn: [sql`c.due_on`],
    partner: [sql`l.search_text`],
    description: [sql`c.description COLLATE NOCASE`],
    kind: [sql`c.kind`],
    direction: [sql`c.direction`],
    // How far along: the share delivered, so 3 of 6 and 1 of 2 stand together.
    delivered: [sql`CAST(c.delivered_quantity AS REAL) / NULLIF(c.quantity, 0)`],
    // Amounts are never compared across currencies: grouped by currency, then by amount.
    value: [sql`c.currency`, sql`c.value_minor`],
    status: [status],
    updatedAt: [sql`c.updated_at`],
  }[q.sort];
  let rows = base.select([
    'c.id',
    'c.agreement_id as agreementId',
    'a.partner_id as partnerId',
    'l.name as partnerName',
    'l.native_name as partnerNativeName',
    'c.area_id as areaId',
    'c.kind',
    'c.direction',
    'c.description',
    'c.quantity',
    'c.delivered_quantity as delivered',
    'c.unit',
    'c.value_minor as valueMinor',
    'c.currency',
    'c.due_on as dueOn',
    status.as('status'),
  ]);
  for (const [term, dir] of sortTerms(order, q.dir, 'c.id')) rows = rows.orderBy(term, dir);
  return {
    count: base.select((eb) => eb.fn.countAll<number>().as('total')),
    rows: rows.limit(q.limit).offset(q.offset),
  };
}

export async function listCommitments(db: Kysely<DB>, q: CallParsed<'commitments.list'>, today: string): Promise<CommitmentList> {
  const { count, rows } = commitmentListQueries(db, q, today);
  const { total } = await count.executeTakeFirstOrThrow();
  return { total, rows: await rows.execute() };
}

async function deliveriesOf(db: Kysely<DB>, commitmentId: number): Promise<Delivery[]> {
  const deliveries = await db.selectFrom('deliveries').selectAll().where('commitment_id', '=', commitmentId).orderBy('delivered_on').orderBy('id').execute();
  if (deliveries.length === 0) return [];
  const people = await db
    .selectFrom('beneficiaries')
    .selectAll()
    .where(
      'delivery_id',
      'in',
      deliveries.map((d) => d.id),
    )
    .orderBy('delivery_id')
    .orderBy('position')
    .execute();
  const byDelivery = new Map<number, Beneficiary[]>();
  for (const p of people) {
    const list = byDelivery.get(p.delivery_id) ?? [];
    list.push({
      id: p.id,
      name: p.name,
      nativeName: p.native_name,
      school: p.school,
      tutor: p.tutor,
      period: p.period,
      destination: p.destination,
    });
    byDelivery.set(p.delivery_id, list);
  }
  return deliveries.map((d) => ({
    id: d.id,
    version: d.version,
    commitmentId: d.commitment_id,
    deliveredOn: d.delivered_on,
    quantity: d.quantity,
    valueMinor: d.value_minor,
    currency: d.currency,
    notes: d.notes,
    overDeliveryConfirmed: d.over_delivery_confirmed === 1,
    beneficiaries: byDelivery.get(d.id) ?? [],
  }));
}

export async function findCommitment(db: Kysely<DB>, id: number, today: string): Promise<Commitment | undefined> {
  const row = await db
    .selectFrom('commitments as c')
    .innerJoin('agreements as a', 'a.id', 'c.agreement_id')
    .innerJoin('localities as l', 'l.id', 'a.partner_id')
    .selectAll('c')
    .select(['a.partner_id', 'a.kind as agreement_kind', 'l.name as partner_name', 'l.native_name as partner_native_name', statusSql(today).as('status')])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const deliveries = await deliveriesOf(db, id);
  return {
    id: row.id,
    version: row.version,
    agreementId: row.agreement_id,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    partnerNativeName: row.partner_native_name,
    agreementKind: row.agreement_kind,
    areaId: row.area_id,
    kind: row.kind,
    direction: row.direction,
    description: row.description,
    quantity: row.quantity,
    unit: row.unit,
    valueMinor: row.value_minor,
    currency: row.currency,
    dueOn: row.due_on,
    notes: row.notes,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    delivered: row.delivered_quantity,
    status: row.status,
    deliveries,
    deliveredValue: (await deliveredValues(db, [id])).get(id) ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
