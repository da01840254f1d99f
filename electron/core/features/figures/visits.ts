import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { CostsByPayer } from '../../../../shared/contract/visits.ts';
import { sumByCurrency } from '../../../../shared/money.ts';
import type { DB } from '../../db/schema.ts';

// A visit's figures, for the visit screen, the annual report and the trip
// report alike: which visits a year counts, who counts as people received or
// travelled, and what a visit cost, per currency and per who paid.

/**
 * A visit `v` of the year, listed in the annual report: it begins in the year
 * (a trip across New Year is the year it began), is not cancelled or archived.
 */
export const visitListedInYearSql = (year: number) =>
  sql<SqlBool>`(v.archived_at IS NULL AND v.status <> 'cancelled' AND v.starts_on BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`})`;

/** Counted (received or made) once it has begun, or is marked done; one still to come is listed, not counted. */
export const visitHeldSql = (today: string): RawBuilder<SqlBool> => sql<SqlBool>`(v.status = 'done' OR v.starts_on <= ${today})`;

/** Roles that are the receiving side of a visit, not the delegation: not counted among people received or travelled. */
export const HOST_SIDE = { inbound: ['host', 'staff'], outbound: ['host'] } as const;

/** Costs paid by the office, and those paid by the partner or a third party: never added together, nor across currencies. */
export const emptyCosts = (): CostsByPayer => ({ office: [], others: [] });

/** Each visit's costs per payer and currency, for the visits given by id or by a subquery of ids. */
export async function visitCosts(db: Kysely<DB>, visitIds: readonly number[] | RawBuilder<unknown>): Promise<Map<number, CostsByPayer>> {
  const out = new Map<number, CostsByPayer>();
  if (Array.isArray(visitIds) && visitIds.length === 0) return out;
  const ids = Array.isArray(visitIds) ? sql`(${sql.join([...visitIds])})` : (visitIds as RawBuilder<unknown>);
  const rows = (
    await sql<{ visitId: number; payer: 'office' | 'others'; currency: string; minor: number }>`
      SELECT visit_id AS visitId, CASE WHEN paid_by = 'ours' THEN 'office' ELSE 'others' END AS payer, currency, sum(amount_minor) AS minor
      FROM visit_costs WHERE visit_id IN ${ids} GROUP BY visit_id, payer, currency`.execute(db)
  ).rows;
  for (const r of rows) {
    const costs = out.get(r.visitId) ?? emptyCosts();
    costs[r.payer] = sumByCurrency([...costs[r.payer], r]);
    out.set(r.visitId, costs);
  }
  return out;
}

/** Several visits' costs added up, payer by payer and currency by currency. */
export function addCosts(list: Iterable<CostsByPayer>): CostsByPayer {
  const all = [...list];
  return { office: sumByCurrency(all.flatMap((c) => c.office)), others: sumByCurrency(all.flatMap((c) => c.others)) };
}
