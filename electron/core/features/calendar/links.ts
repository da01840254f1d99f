import { sql, type Expression, type SqlBool } from 'kysely';

// How a visit belongs to a partner or an agreement, said once for every
// source that reaches visits (the visits themselves, tasks hanging from one).

/** The visit whose id is in `visitIdColumn` was held at the partner's place or under an agreement with it. */
export function visitOfPartner(visitIdColumn: string, partnerId: number): Expression<SqlBool> {
  const visitId = sql.ref(visitIdColumn);
  return sql<SqlBool>`(EXISTS (SELECT 1 FROM visits pv WHERE pv.id = ${visitId} AND pv.locality_id = ${partnerId})
    OR EXISTS (SELECT 1 FROM visit_agreements pva JOIN agreements pa ON pa.id = pva.agreement_id
               WHERE pva.visit_id = ${visitId} AND pa.partner_id = ${partnerId}))`;
}

/** The visit whose id is in `visitIdColumn` is linked to the agreement. */
export function visitUnderAgreement(visitIdColumn: string, agreementId: number): Expression<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM visit_agreements ava WHERE ava.visit_id = ${sql.ref(visitIdColumn)} AND ava.agreement_id = ${agreementId})`;
}

/** The agreement whose id is in `agreementIdColumn` is with the partner. */
export function agreementOfPartner(agreementIdColumn: string, partnerId: number): Expression<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM agreements aa WHERE aa.id = ${sql.ref(agreementIdColumn)} AND aa.partner_id = ${partnerId})`;
}

/** The commitment whose id is in `commitmentIdColumn` is under the agreement. */
export function commitmentUnderAgreement(commitmentIdColumn: string, agreementId: number): Expression<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM commitments ca WHERE ca.id = ${sql.ref(commitmentIdColumn)} AND ca.agreement_id = ${agreementId})`;
}

/** The commitment whose id is in `commitmentIdColumn` is under an agreement with the partner. */
export function commitmentOfPartner(commitmentIdColumn: string, partnerId: number): Expression<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM commitments cc JOIN agreements cpa ON cpa.id = cc.agreement_id
    WHERE cc.id = ${sql.ref(commitmentIdColumn)} AND cpa.partner_id = ${partnerId})`;
}
