import type { Kysely } from 'kysely';
import type { AgreementKind, AgreementRow } from '../../../../shared/contract/agreements.ts';
import type { DB } from '../../db/schema.ts';
import { AGREEMENT_ROW } from './queries.ts';

/**
 * Agreements of the same kind with the same partner that have not ended: a
 * second twinning with Shanghai is usually the first one typed again (and would
 * count twice among those in force). Asked before saving, never a refusal.
 */
export async function similarAgreements(
  db: Kysely<DB>,
  q: { partnerId: number; kind: AgreementKind; excludeId?: number | undefined },
): Promise<AgreementRow[]> {
  let query = db
    .selectFrom('agreements as a')
    .innerJoin('localities as l', 'l.id', 'a.partner_id')
    .select(AGREEMENT_ROW)
    .where('a.partner_id', '=', q.partnerId)
    .where('a.kind', '=', q.kind)
    .where('a.stage', '!=', 'ended')
    .where('a.archived_at', 'is', null);
  if (q.excludeId !== undefined) query = query.where('a.id', '!=', q.excludeId);
  return await query.orderBy('a.id').limit(5).execute();
}
