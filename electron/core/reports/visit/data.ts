import type { Kysely } from 'kysely';
import type { Visit } from '../../../../shared/contract/visits.ts';
import { notFound } from '../../../../shared/contract/result.ts';
import type { DB } from '../../db/schema.ts';
import { findVisit } from '../../features/visits/queries.ts';
import { officeInfo, type OfficeInfo } from '../office.ts';

/**
 * `countries`: each linked agreement's partner country and each participant's
 * locality's country, which tell the language of their native names
 * (shared/names.ts); the visit as screens load it does not carry them.
 */
export type TripReportData = { kind: 'visit'; office: OfficeInfo; visit: Visit; countries: { agreements: Map<number, string>; contacts: Map<number, string> } };

export async function loadTripReport(db: Kysely<DB>, id: number): Promise<TripReportData> {
  const visit = await findVisit(db, id);
  if (!visit) throw notFound('visit', id);
  const agreementIds = visit.agreements.map((a) => a.id);
  const contactIds = visit.participants.map((p) => p.contactId);
  const [agreements, contacts] = await Promise.all([
    agreementIds.length
      ? db
          .selectFrom('agreements as a')
          .innerJoin('localities as l', 'l.id', 'a.partner_id')
          .select(['a.id', 'l.country'])
          .where('a.id', 'in', agreementIds)
          .execute()
      : [],
    contactIds.length
      ? db
          .selectFrom('contacts as c')
          .innerJoin('localities as l', 'l.id', 'c.locality_id')
          .select(['c.id', 'l.country'])
          .where('c.id', 'in', contactIds)
          .execute()
      : [],
  ]);
  return {
    kind: 'visit',
    office: await officeInfo(db),
    visit,
    countries: { agreements: new Map(agreements.map((a) => [a.id, a.country])), contacts: new Map(contacts.map((c) => [c.id, c.country])) },
  };
}
