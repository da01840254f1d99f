import { sql, type Kysely, type RawBuilder } from 'kysely';
import { COMMITMENT_STATUSES, type CommitmentStatus, type TotalGroup, type TotalsRow } from '../../../../shared/contract/commitments.ts';
import type { CallParsed } from '../../../../shared/contract/index.ts';
import { sumByCurrency } from '../../../../shared/money.ts';
import type { DB } from '../../db/schema.ts';
import { filteredCommitments } from './queries.ts';
import { deliveryValues, groupYearSql } from '../figures/public.ts';
import { statusSql } from '../figures/public.ts';

const GROUP_KEYS: Record<TotalGroup, RawBuilder<string>> = {
  agreement: sql<string>`CAST(c.agreement_id AS TEXT)`,
  partner: sql<string>`CAST(a.partner_id AS TEXT)`,
  year: groupYearSql,
  kind: sql<string>`c.kind`,
  direction: sql<string>`c.direction`,
};

const emptyStatuses = () => Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as Record<CommitmentStatus, number>;

/**
 * Counts by status and money promised and delivered per group, each amount
 * kept in its own currency: adding soles to dollars would be a wrong number.
 * With a year, "delivered" is what arrived in that year, as the annual report
 * counts it; a delivery of a later year would make the two disagree.
 */
export async function commitmentTotals(db: Kysely<DB>, q: CallParsed<'commitments.totals'>, today: string): Promise<TotalsRow[]> {
  const key = GROUP_KEYS[q.groupBy];
  const base = () => filteredCommitments(db, q, today);
  const [counts, promised, delivered] = await Promise.all([
    base()
      .select([key.as('key'), statusSql(today).as('status'), sql<string>`max(l.name)`.as('label'), sql<string | null>`max(l.native_name)`.as('nativeLabel')])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy([key, statusSql(today)])
      .execute(),
    base()
      .select([key.as('key'), 'c.currency', sql<number>`sum(c.value_minor)`.as('minor')])
      .where('c.currency', 'is not', null)
      .groupBy([key, 'c.currency'])
      .execute(),
    base()
      .innerJoin(deliveryValues.as('d'), 'd.commitment_id', 'c.id')
      .select([key.as('key'), 'd.currency', sql<number>`sum(d.minor)`.as('minor')])
      .where('d.currency', 'is not', null)
      .$if(q.year !== undefined, (qb) => qb.where('d.delivered_on', '>=', `${q.year}-01-01`).where('d.delivered_on', '<=', `${q.year}-12-31`))
      .groupBy([key, 'd.currency'])
      .execute(),
  ]);
  const named = q.groupBy === 'agreement' || q.groupBy === 'partner';
  const rows = new Map<string, TotalsRow>();
  for (const c of counts) {
    let row = rows.get(c.key);
    if (!row) {
      row = {
        key: c.key,
        label: named ? c.label : null,
        nativeLabel: named ? c.nativeLabel : null,
        commitments: 0,
        byStatus: emptyStatuses(),
        promised: [],
        delivered: [],
      };
      rows.set(c.key, row);
    }
    row.commitments += c.n;
    row.byStatus[c.status] += c.n;
  }
  for (const [list, field] of [
    [promised, 'promised'],
    [delivered, 'delivered'],
  ] as const) {
    const byKey = new Map<string, typeof list>();
    for (const r of list) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
    for (const [k, amounts] of byKey) {
      const row = rows.get(k);
      if (row) row[field] = sumByCurrency(amounts);
    }
  }
  return [...rows.values()].sort((x, y) => (named ? (x.label ?? '').localeCompare(y.label ?? '') : x.key.localeCompare(y.key)) || x.key.localeCompare(y.key));
}
