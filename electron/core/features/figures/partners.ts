import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PartnerFigures } from '../../../../shared/contract/partners.ts';
import { sumByCurrency } from '../../../../shared/money.ts';
import type { DB } from '../../db/schema.ts';
import { statusFilterSql } from './commitment-status.ts';
import { OPEN_STATUSES } from '../../../../shared/contract/commitments.ts';
import { deliveryValues } from './commitments.ts';
import { visitHeldSql } from './visits.ts';

// A partner's figures for its page: the same rules as the annual report's
// (in force, held visits, open commitments, value delivered), narrowed to one
// partner. test/unit/reconciliation.test.ts recomputes them from the tables.

/**
 * The visits that belong to a partner: held there, or under one of its agreements.
 * The same rule as the Visits list's partner filter (electron/core/features/visits/queries.ts).
 */
export const partnerVisitIdsSql = (partnerId: number): RawBuilder<{ id: number }> =>
  sql`(SELECT v0.id FROM visits v0 WHERE v0.locality_id = ${partnerId}
      UNION SELECT va0.visit_id FROM visit_agreements va0 JOIN agreements a0 ON a0.id = va0.agreement_id WHERE a0.partner_id = ${partnerId})`;

/** The partner's agreements the office still sees (an archived one is gone from every view, as in the reports). */
export const partnerAgreementIdsSql = (partnerId: number): RawBuilder<{ id: number }> =>
  sql`(SELECT a1.id FROM agreements a1 WHERE a1.partner_id = ${partnerId} AND a1.archived_at IS NULL)`;

/** In force on `day`: signed by then and not ended by then (the annual report's rule, on one day). */
export const inForceOnSql = (day: string) => sql`(a.signed_on IS NOT NULL AND a.signed_on <= ${day} AND (a.ended_on IS NULL OR a.ended_on > ${day}))`;

export async function partnerFigures(db: Kysely<DB>, partnerId: number, today: string): Promise<PartnerFigures> {
  const agreements = await sql<{ n: number }>`SELECT count(*) AS n FROM agreements a
    WHERE a.partner_id = ${partnerId} AND a.archived_at IS NULL AND ${inForceOnSql(today)}`.execute(db);
  const visits = await sql<{ direction: 'inbound' | 'outbound'; n: number }>`SELECT v.direction, count(*) AS n FROM visits v
    WHERE v.id IN ${partnerVisitIdsSql(partnerId)} AND v.archived_at IS NULL AND v.status <> 'cancelled' AND ${visitHeldSql(today)}
    GROUP BY v.direction`.execute(db);
  const open = await sql<{ n: number }>`SELECT count(*) AS n FROM commitments c
    WHERE c.agreement_id IN ${partnerAgreementIdsSql(partnerId)} AND ${statusFilterSql(OPEN_STATUSES, today)}`.execute(db);
  const delivered = await sql<{ direction: 'give' | 'receive'; currency: string; minor: number }>`
    SELECT c.direction, v.currency, sum(v.minor) AS minor FROM ${deliveryValues} v JOIN commitments c ON c.id = v.commitment_id
    WHERE v.currency IS NOT NULL AND c.agreement_id IN ${partnerAgreementIdsSql(partnerId)}
    GROUP BY c.direction, v.currency`.execute(db); // every delivery recorded, as each commitment's screen adds them
  const byDirection = visits.rows.reduce<Record<string, number>>((m, r) => ({ ...m, [r.direction]: r.n }), {});
  return {
    agreementsInForce: agreements.rows[0]?.n ?? 0,
    visitsReceived: byDirection.inbound ?? 0,
    visitsMade: byDirection.outbound ?? 0,
    commitmentsOpen: open.rows[0]?.n ?? 0,
    deliveredGiven: sumByCurrency(delivered.rows.filter((r) => r.direction === 'give')),
    deliveredReceived: sumByCurrency(delivered.rows.filter((r) => r.direction === 'receive')),
  };
}
