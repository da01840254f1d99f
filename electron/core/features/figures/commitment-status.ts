import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { first } from '../../../../shared/narrow.ts';
import { COMMITMENT_STATUSES, OPEN_STATUSES, type CommitmentStatus } from '../../../../shared/contract/commitments.ts';

// The SQL twin of shared/commitment-status.ts, over a commitments row aliased `c`
// (delivered_quantity is kept by triggers). test/unit/commitments.test.ts checks
// that both give the same status for every case at the date edges.

export function statusSql(today: string): RawBuilder<CommitmentStatus> {
  return sql<CommitmentStatus>`(CASE
    WHEN c.cancelled_at IS NOT NULL THEN 'cancelled'
    WHEN c.delivered_quantity >= c.quantity THEN 'delivered'
    WHEN c.due_on IS NOT NULL AND c.due_on < ${today} THEN 'overdue'
    WHEN c.delivered_quantity > 0 THEN 'partly_delivered'
    ELSE 'promised' END)`;
}

const open = sql<SqlBool>`c.cancelled_at IS NULL AND c.delivered_quantity < c.quantity`;
const notDue = (today: string) => sql<SqlBool>`(c.due_on IS NULL OR c.due_on >= ${today})`;

const predicates: Record<CommitmentStatus, (today: string) => RawBuilder<SqlBool>> = {
  cancelled: () => sql<SqlBool>`c.cancelled_at IS NOT NULL`,
  delivered: () => sql<SqlBool>`c.cancelled_at IS NULL AND c.delivered_quantity >= c.quantity`,
  overdue: (today) => sql<SqlBool>`${open} AND c.due_on < ${today}`,
  partly_delivered: (today) => sql<SqlBool>`${open} AND ${notDue(today)} AND c.delivered_quantity > 0`,
  promised: (today) => sql<SqlBool>`${open} AND ${notDue(today)} AND c.delivered_quantity = 0`,
};

/**
 * A WHERE term equal to `status IN (...)`, written so SQLite can use the
 * partial index on open commitments: the three open statuses together are
 * exactly "not cancelled and not fully delivered".
 */
export function statusFilterSql(statuses: readonly CommitmentStatus[], today: string): RawBuilder<SqlBool> {
  const wanted = new Set(statuses);
  if (wanted.size === 0) return sql<SqlBool>`0`;
  const terms: RawBuilder<SqlBool>[] = [];
  const allOpen = OPEN_STATUSES.every((s) => wanted.has(s));
  if (allOpen) terms.push(sql<SqlBool>`(${open})`);
  for (const s of COMMITMENT_STATUSES) {
    if (wanted.has(s) && !(allOpen && OPEN_STATUSES.includes(s))) terms.push(sql<SqlBool>`(${predicates[s](today)})`);
  }
  // A single term stays bare so the query planner sees `cancelled_at IS NULL AND ...` at the top level.
  return terms.length === 1 ? first(terms, 'a status term') : sql<SqlBool>`(${sql.join(terms, sql` OR `)})`;
}
