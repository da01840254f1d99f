import type { Kysely } from 'kysely';
import type { Visit } from '../../../../shared/contract/visits.ts';
import { notFound } from '../../../../shared/contract/result.ts';
import type { DB } from '../../db/schema.ts';
import { findVisit } from '../../features/visits/queries.ts';
import { officeInfo, type OfficeInfo } from '../office.ts';

export type TripReportData = { kind: 'visit'; office: OfficeInfo; visit: Visit };

export async function loadTripReport(db: Kysely<DB>, id: number): Promise<TripReportData> {
  const visit = await findVisit(db, id);
  if (!visit) throw notFound('visit', id);
  return { kind: 'visit', office: await officeInfo(db), visit };
}
