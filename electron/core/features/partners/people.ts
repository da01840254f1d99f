import { sql, type Kysely, type RawBuilder } from 'kysely';
import { present } from '../../../../shared/narrow.ts';
import { notFound } from '../../../../shared/contract/result.ts';
import type { CallParsed } from '../../../../shared/contract/index.ts';
import type { PartnerPeople, PartnerPerson } from '../../../../shared/contract/partners.ts';
import type { ParticipantRole } from '../../../../shared/contract/visits.ts';
import type { DB } from '../../db/schema.ts';
import { HOST_SIDE, partnerVisitIdsSql } from '../figures/public.ts';

const roleList = (roles: readonly string[]) => sql.join(roles.map((r) => sql`${r}`));

/**
 * The partner's side of a visit: the delegation it sent (inbound, all but our hosts and staff) or the hosts
 * who received ours (outbound). The same split as the annual report's people received and travelled.
 */
const partnerSide = sql`((vis.direction = 'inbound' AND p.role NOT IN (${roleList(HOST_SIDE.inbound)}))
  OR (vis.direction = 'outbound' AND p.role IN (${roleList(HOST_SIDE.outbound)})))`;

/**
 * The people a partner (or one agreement with it) deals with: those who took part on its side in its visits
 * (not cancelled, not archived), and the contacts recorded at the place; the most involved first.
 */
export async function partnerPeople(db: Kysely<DB>, q: CallParsed<'partners.people'>): Promise<PartnerPeople> {
  let localityId: number;
  let visitIds: RawBuilder<unknown>;
  if (q.agreementId !== undefined) {
    const agreement = await db.selectFrom('agreements').select('partner_id').where('id', '=', q.agreementId).executeTakeFirst();
    if (!agreement) throw notFound('agreement', q.agreementId);
    localityId = agreement.partner_id;
    visitIds = sql`(SELECT va.visit_id FROM visit_agreements va WHERE va.agreement_id = ${q.agreementId})`;
  } else {
    // The contract lets exactly one of the two through.
    localityId = present(q.partnerId, 'a partner id when no agreement id is given');
    const found = await db.selectFrom('localities').select('id').where('id', '=', localityId).executeTakeFirst();
    if (!found) throw notFound('locality', localityId);
    visitIds = partnerVisitIdsSql(localityId);
  }
  const part = sql`SELECT p.contact_id, p.role, vis.starts_on FROM visit_participants p
    JOIN visits vis ON vis.id = p.visit_id
    WHERE vis.id IN ${visitIds} AND vis.archived_at IS NULL AND vis.status <> 'cancelled' AND ${partnerSide}`;
  const people = sql`SELECT contact_id FROM (${part}) UNION SELECT id FROM contacts WHERE locality_id = ${localityId}`;
  const base = sql`FROM contacts c LEFT JOIN localities l ON l.id = c.locality_id
    LEFT JOIN (SELECT contact_id, count(*) AS visits, max(starts_on) AS last_on, group_concat(role) AS roles FROM (${part}) GROUP BY contact_id) s
      ON s.contact_id = c.id
    WHERE c.archived_at IS NULL AND c.id IN (${people})`;
  const total = await sql<{ n: number }>`SELECT count(*) AS n ${base}`.execute(db);
  // A person without visits has no row in `s`: no count, no roles.
  const rows = await sql<
    Omit<PartnerPerson, 'visits' | 'roles'> & { visits: number | null; roles: string | null }
  >`SELECT c.id, c.name, c.native_name AS nativeName, c.title, c.organisation, l.country, s.visits, s.last_on AS lastVisitOn, s.roles ${base}
    ORDER BY coalesce(s.visits, 0) DESC, c.search_text, c.id LIMIT ${q.limit} OFFSET ${q.offset}`.execute(db);
  return {
    total: total.rows[0]?.n ?? 0,
    rows: rows.rows.map((r) => ({ ...r, visits: r.visits ?? 0, roles: byFrequency(r.roles) })),
  };
}

function byFrequency(list: string | null): ParticipantRole[] {
  const counts = new Map<string, number>();
  for (const role of list?.split(',') ?? []) counts.set(role, (counts.get(role) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([role]) => role as ParticipantRole);
}
