import { sql, type Kysely } from 'kysely';
import type { Agreement } from '../../../../shared/contract/agreements.ts';
import { notFound } from '../../../../shared/contract/result.ts';
import type { DB } from '../../db/schema.ts';
import { findAgreement } from '../../features/agreements/queries.ts';
import { loadCommitmentRecords, type StatementCommitment } from '../commitments/data.ts';
import { officeInfo, type OfficeInfo } from '../office.ts';

export type DossierChange = { at: string; userName: string; action: string; fields: string[] };

export type AgreementDossierData = {
  kind: 'agreement';
  office: OfficeInfo;
  agreement: Agreement;
  /** The partner's parent locality (Fujian for Zhangzhou), for the heading. */
  partnerParent: { name: string; nativeName: string | null; country: string } | null;
  /** Every recorded edit of the agreement, newest last: who changed which fields, when. */
  changes: DossierChange[];
  visits: { id: number; startsOn: string; endsOn: string; direction: string; status: string; purpose: string }[];
  commitments: StatementCommitment[];
  attachments: { fileName: string; entity: string; size: number; addedOn: string }[];
  openTasks: { id: number; title: string; dueOn: string | null; assignee: string | null; status: string }[];
};

export async function loadAgreementDossier(db: Kysely<DB>, id: number, today: string): Promise<AgreementDossierData> {
  const agreement = await findAgreement(db, id);
  if (!agreement) throw notFound('agreement', id);
  const parent = agreement.partner.parentId
    ? await db.selectFrom('localities').select(['name', 'native_name as nativeName', 'country']).where('id', '=', agreement.partner.parentId).executeTakeFirst()
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
  const visits = await db
    .selectFrom('visit_agreements as va')
    .innerJoin('visits as v', 'v.id', 'va.visit_id')
    .select(['v.id', 'v.starts_on as startsOn', 'v.ends_on as endsOn', 'v.direction', 'v.status', 'v.purpose'])
    .where('va.agreement_id', '=', id)
    .where('v.archived_at', 'is', null)
    .orderBy('v.starts_on')
    .orderBy('v.id')
    .execute();
  const commitments = await loadCommitmentRecords(db, { agreementId: id }, today);
  // Files attached to the agreement itself or to anything under it.
  const owners: [string, number[]][] = [
    ['agreement', [id]],
    ['visit', visits.map((v) => v.id)],
    ['commitment', commitments.map((c) => c.id)],
    ['delivery', commitments.flatMap((c) => c.deliveries.map((d) => d.id))],
  ];
  const attachments = (
    await Promise.all(
      owners
        .filter(([, ids]) => ids.length > 0)
        .map(([entity, ids]) =>
          db
            .selectFrom('attachment_links as k')
            .innerJoin('attachments as f', 'f.id', 'k.attachment_id')
            .select(['k.file_name as fileName', 'k.entity', 'f.size', 'k.created_at as addedOn'])
            .where('k.entity', '=', entity)
            .where('k.entity_id', 'in', ids)
            .orderBy('k.created_at')
            .execute(),
        ),
    )
  ).flat();
  const visitIds = visits.map((v) => v.id);
  const openTasks = await db
    .selectFrom('tasks')
    .select(['id', 'title', 'due_on as dueOn', 'assignee', 'status'])
    .where('status', 'in', ['open', 'in_progress'])
    .where((eb) => (visitIds.length ? eb.or([eb('agreement_id', '=', id), eb('visit_id', 'in', visitIds)]) : eb('agreement_id', '=', id)))
    .orderBy(sql`due_on IS NULL, due_on, id`)
    .execute();
  return { kind: 'agreement', office: await officeInfo(db), agreement, partnerParent: parent ?? null, changes, visits, commitments, attachments, openTasks };
}
