import { sql, type Kysely } from 'kysely';
import type { AgreementKind, AgreementRow } from '../../../../shared/contract/agreements.ts';
import type { AttachmentEntity } from '../../../../shared/contract/attachments.ts';
import type { PartnerAttachment, PartnerStory } from '../../../../shared/contract/partners.ts';
import { notFound } from '../../../../shared/contract/result.ts';
import type { DB } from '../../db/schema.ts';
import { AGREEMENT_ROW } from '../agreements/public.ts';
import { isPresent } from '../attachments/public.ts';
import { partnerAgreementIdsSql, partnerFigures, partnerVisitIdsSql } from '../figures/public.ts';
import { findLocality } from '../localities/public.ts';

/** How many of the partner's files the page lists; the rest are on their records. */
export const STORY_ATTACHMENTS = 100;

/** The files hanging from the partner's agreements, visits, commitments and deliveries, newest first. */
async function partnerAttachments(db: Kysely<DB>, dbPath: string, partnerId: number) {
  const agreements = partnerAgreementIdsSql(partnerId);
  const owners = sql`
    SELECT 'agreement' AS entity, a.id AS entity_id, '/agreements/' || a.id AS route, NULL AS text, NULL AS on_date, a.kind AS agreement_kind
      FROM agreements a WHERE a.id IN ${agreements}
    UNION ALL SELECT 'visit', v.id, '/visits/' || v.id, v.purpose, v.starts_on, NULL
      FROM visits v WHERE v.id IN ${partnerVisitIdsSql(partnerId)} AND v.archived_at IS NULL
    UNION ALL SELECT 'commitment', c.id, '/commitments/' || c.id, c.description, NULL, NULL
      FROM commitments c WHERE c.agreement_id IN ${agreements}
    UNION ALL SELECT 'delivery', d.id, '/commitments/' || c.id, c.description, d.delivered_on, NULL
      FROM deliveries d JOIN commitments c ON c.id = d.commitment_id WHERE c.agreement_id IN ${agreements}`;
  const from = sql`FROM attachment_links k JOIN attachments f ON f.id = k.attachment_id JOIN (${owners}) o ON o.entity = k.entity AND o.entity_id = k.entity_id`;
  const total = await sql<{ n: number }>`SELECT count(*) AS n ${from}`.execute(db);
  const rows = await sql<{
    linkId: number;
    fileName: string;
    size: number;
    sha256: string;
    attachedAt: string;
    entity: AttachmentEntity;
    entityId: number;
    route: string;
    text: string | null;
    onDate: string | null;
    agreementKind: AgreementKind | null;
  }>`SELECT k.id AS linkId, k.file_name AS fileName, f.size, f.sha256, k.created_at AS attachedAt, k.entity, k.entity_id AS entityId,
      o.route, o.text, o.on_date AS onDate, o.agreement_kind AS agreementKind
    ${from} ORDER BY k.created_at DESC, k.id DESC LIMIT ${STORY_ATTACHMENTS}`.execute(db);
  const list: PartnerAttachment[] = rows.rows.map((r) => ({
    linkId: r.linkId,
    fileName: r.fileName,
    size: r.size,
    attachedAt: r.attachedAt,
    missing: !isPresent(dbPath, r.sha256),
    entity: r.entity,
    entityId: r.entityId,
    owner: { route: r.route, text: r.text, on: r.onDate, agreementKind: r.agreementKind },
  }));
  return { list, total: total.rows[0]?.n ?? 0 };
}

export async function partnerStory(db: Kysely<DB>, dbPath: string, id: number, today: string): Promise<PartnerStory> {
  const locality = await findLocality(db, id);
  if (!locality) throw notFound('locality', id);
  const [parent, children, agreements, figures, attachments] = await Promise.all([
    locality.parentId === null
      ? undefined
      : db.selectFrom('localities').select(['native_name', 'country']).where('id', '=', locality.parentId).executeTakeFirst(),
    db
      .selectFrom('localities')
      .select(['id', 'name', 'native_name as nativeName', 'country'])
      .where('parent_id', '=', id)
      .where('archived_at', 'is', null)
      .orderBy('search_text')
      .limit(200)
      .execute(),
    db
      .selectFrom('agreements as a')
      .innerJoin('localities as l', 'l.id', 'a.partner_id')
      .select(AGREEMENT_ROW)
      .where('a.partner_id', '=', id)
      .where('a.archived_at', 'is', null)
      // The living ones first, then by when they were signed.
      .orderBy(sql`a.stage = 'ended'`)
      .orderBy(sql`coalesce(a.signed_on, a.letter_of_intent_on, a.created_at)`, 'desc')
      .orderBy('a.id')
      .execute(),
    partnerFigures(db, id, today),
    partnerAttachments(db, dbPath, id),
  ]);
  return {
    locality: { ...locality, parentNativeName: parent?.native_name ?? null, parentCountry: parent?.country ?? null },
    children,
    agreements: agreements as AgreementRow[],
    figures,
    attachments: attachments.list,
    attachmentsTotal: attachments.total,
  };
}
