import type { Kysely } from 'kysely';
import type { Agreement } from '../../../../shared/contract/agreements.ts';
import { notFound } from '../../../../shared/contract/result.ts';
import type { DB } from '../../db/schema.ts';
import { findAgreement } from '../../features/agreements/queries.ts';
import { officeInfo, type OfficeInfo } from '../office.ts';

export type DossierChange = { at: string; userName: string; action: string; fields: string[] };

export type AgreementDossierData = {
  kind: 'agreement';
  office: OfficeInfo;
  agreement: Agreement;
  /** The partner's parent locality (Fujian for Zhangzhou), for the heading. */
  partnerParent: { name: string; nativeName: string | null } | null;
  /** Every recorded edit of the agreement, newest last: who changed which fields, when. */
  changes: DossierChange[];
};

export async function loadAgreementDossier(db: Kysely<DB>, id: number): Promise<AgreementDossierData> {
  const agreement = await findAgreement(db, id);
  if (!agreement) throw notFound('agreement', id);
  const parent = agreement.partner.parentId
    ? await db.selectFrom('localities').select(['name', 'native_name as nativeName']).where('id', '=', agreement.partner.parentId).executeTakeFirst()
    : undefined;
  const audit = await db
    .selectFrom('audit_log')
    .select(['at', 'user_name as userName', 'action', 'before_json as before', 'after_json as after'])
    .where('entity', '=', 'agreement')
    .where('entity_id', '=', id)
    .orderBy('id')
    .execute();
  const changes = audit.map((row) => {
    const before = row.before ? (JSON.parse(row.before) as Record<string, unknown>) : {};
    const after = row.after ? (JSON.parse(row.after) as Record<string, unknown>) : {};
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) => !['version', 'updatedAt', 'createdAt'].includes(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    return { at: row.at, userName: row.userName, action: row.action, fields: row.action === 'create' ? [] : fields };
  });
  return { kind: 'agreement', office: await officeInfo(db), agreement, partnerParent: parent ?? null, changes };
}
