import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { sumByCurrency, type MoneyTotal } from '../../../../shared/money.ts';
import type { DB } from '../../db/schema.ts';

// The one place that says what a commitment's figures are: what a delivery is
// worth, when a commitment was made, which year it belongs to, how much had
// arrived by a day. The commitment screens, the Totals view, the annual report
// and the commitments statement all read them from here (raw SQL over a
// commitments row aliased `c`), and test/unit/reconciliation.test.ts checks them
// against the tables.

/**
 * Each delivery with what it is worth: its own value when it was given one;
 * else its share of the promise's value by quantity, counted along the
 * deliveries (date, then id) and rounded half up, so the shares of a promise
 * delivered in full add up to exactly its value (three deliveries of a third of
 * 100,00 are 33,33 + 33,34 + 33,33, never 99,99). A promise with no value and
 * a delivery with none are worth nothing in money: `currency` and `minor` null.
 */
export const deliveryValues = sql<{
  id: number;
  commitment_id: number;
  delivered_on: string;
  quantity: number;
  currency: string | null;
  minor: number | null;
}>`(
  SELECT d.id, d.commitment_id, d.delivered_on, d.quantity,
         CASE WHEN d.value_minor IS NOT NULL THEN d.currency ELSE pc.currency END AS currency,
         CASE WHEN d.value_minor IS NOT NULL THEN d.value_minor
              WHEN pc.value_minor IS NOT NULL THEN
                (2 * pc.value_minor * d.upto + pc.quantity) / (2 * pc.quantity)
                - (2 * pc.value_minor * (d.upto - d.quantity) + pc.quantity) / (2 * pc.quantity)
         END AS minor
  FROM (SELECT x.*, sum(x.quantity) OVER (PARTITION BY x.commitment_id ORDER BY x.delivered_on, x.id ROWS UNBOUNDED PRECEDING) AS upto FROM deliveries x) d
  JOIN commitments pc ON pc.id = d.commitment_id)`;

/** Quantity delivered on or before `day` (a date), for the commitment `c`. */
export const deliveredBySql = (day: string) =>
  sql<number>`coalesce((SELECT sum(d.quantity) FROM deliveries d WHERE d.commitment_id = c.id AND d.delivered_on <= ${day}), 0)`;

/** Quantity delivered between two dates, both included. */
export const deliveredBetweenSql = (from: string, to: string) =>
  sql<number>`coalesce((SELECT sum(d.quantity) FROM deliveries d WHERE d.commitment_id = c.id AND d.delivered_on BETWEEN ${from} AND ${to}), 0)`;

/**
 * The day a commitment was made. Offices type in past years' work afterwards,
 * so the recording date alone would move a 2019 promise into the year it was
 * typed: a commitment existed by its due date and by its first delivery too.
 */
export const madeOnSql = sql<string>`min(substr(c.created_at, 1, 10), coalesce(c.due_on, '9999-12-31'),
  coalesce((SELECT min(d.delivered_on) FROM deliveries d WHERE d.commitment_id = c.id), '9999-12-31'))`;

/** The day it was cancelled (the date of its cancellation stamp), or null. */
export const cancelledOnSql = sql<string | null>`substr(c.cancelled_at, 1, 10)`;

/**
 * THE YEAR RULE. A commitment belongs to a year when, that year, it was made,
 * fell due, had a delivery (any), was cancelled, or was still open (made before
 * the year ended, not fully delivered and not cancelled before it began). The
 * annual report's opening note says the same in words (reports.annual.rule).
 */
export function inYearSql(year: number): RawBuilder<SqlBool> {
  const [start, end] = [`${year}-01-01`, `${year}-12-31`];
  return sql<SqlBool>`(${madeOnSql} <= ${end} AND (
    c.due_on BETWEEN ${start} AND ${end}
    OR ${cancelledOnSql} BETWEEN ${start} AND ${end}
    OR EXISTS (SELECT 1 FROM deliveries d WHERE d.commitment_id = c.id AND d.delivered_on BETWEEN ${start} AND ${end})
    OR ((c.cancelled_at IS NULL OR ${cancelledOnSql} >= ${start})
        AND coalesce((SELECT sum(d.quantity) FROM deliveries d WHERE d.commitment_id = c.id AND d.delivered_on < ${start}), 0) < c.quantity)))`;
}

/** One year per commitment, for grouping (the Totals view "by year"): the year it is due, else the year it was made. */
export const groupYearSql = sql<string>`substr(coalesce(c.due_on, ${madeOnSql}), 1, 4)`;

/**
 * A commitment's status as it stood at the end of `day`: the same rule as
 * shared/commitment-status.ts, over the deliveries and cancellation up to that day.
 */
export function statusAtSql(day: string) {
  return sql<'promised' | 'partly_delivered' | 'delivered' | 'overdue' | 'cancelled'>`(CASE
    WHEN c.cancelled_at IS NOT NULL AND ${cancelledOnSql} <= ${day} THEN 'cancelled'
    WHEN ${deliveredBySql(day)} >= c.quantity THEN 'delivered'
    WHEN c.due_on IS NOT NULL AND c.due_on < ${day} THEN 'overdue'
    WHEN ${deliveredBySql(day)} > 0 THEN 'partly_delivered'
    ELSE 'promised' END)`;
}

/** Value delivered per commitment and currency, optionally up to a day or within a period. */
export async function deliveredValues(
  db: Kysely<DB>,
  commitmentIds: readonly number[],
  range: { from?: string; to?: string } = {},
): Promise<Map<number, MoneyTotal[]>> {
  const out = new Map<number, MoneyTotal[]>();
  if (commitmentIds.length === 0) return out;
  const rows = (
    await sql<{ commitmentId: number; currency: string; minor: number }>`
      SELECT v.commitment_id AS commitmentId, v.currency, sum(v.minor) AS minor FROM ${deliveryValues} v
      WHERE v.currency IS NOT NULL AND v.commitment_id IN (${sql.join([...commitmentIds])})
        AND v.delivered_on >= ${range.from ?? '0000-01-01'} AND v.delivered_on <= ${range.to ?? '9999-12-31'}
      GROUP BY v.commitment_id, v.currency`.execute(db)
  ).rows;
  for (const r of rows) out.set(r.commitmentId, [...(out.get(r.commitmentId) ?? []), r]);
  for (const [id, list] of out) out.set(id, sumByCurrency(list));
  return out;
}
