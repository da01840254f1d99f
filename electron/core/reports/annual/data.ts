import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { agreementsOfYear, type AnnualAgreement } from '../../features/figures/agreements.ts';
import { officeInfo, type OfficeInfo } from '../office.ts';
import { loadAnnualActivity, type AnnualActivity } from './activity.ts';
import { loadReportMap, type ReportMap } from '../map.ts';

export type { AnnualAgreement };

// What the annual report holds, as plain data: the preview shows its figures,
// the tests check them, the document module only lays them out.

/** Per area: agreements in force or new that year, the year's visits under agreements in the area, and its commitments. */
export type AnnualArea = { id: number; code: string | null; name: string | null; agreements: number; visits: number; commitments: number };

export type AnnualFigures = {
  agreementsInForce: number;
  newLettersOfIntent: number;
  newSignatures: number;
  partnerCountries: number;
  visitsReceived: number;
  peopleReceived: number;
  visitsMade: number;
  peopleTravelled: number;
  scholarshipsAwarded: number;
  tasksCompleted: number;
  tasksOpen: number;
};

export type AnnualReportData = {
  kind: 'annual';
  year: number;
  office: OfficeInfo;
  figures: AnnualFigures;
  /** Every agreement that existed by the end of the year and had not ended before it began. */
  agreements: AnnualAgreement[];
  newLettersOfIntent: AnnualAgreement[];
  newSignatures: AnnualAgreement[];
  /** Areas with any activity that year, most active first. */
  areas: AnnualArea[];
  activity: AnnualActivity;
  /** The year's visits still to come on the report's date: listed, not counted in the figures. */
  visitsToCome: number;
  /** The partners in force at the year's end on the map, with the office's city. */
  map: ReportMap;
};

/**
 * `today` decides which of the year's visits have taken place: a confirmed
 * delegation due next month is listed, marked with its status, but not yet
 * counted among the visits received or made.
 */
export async function loadAnnualReport(db: Kysely<DB>, year: number, today: string): Promise<AnnualReportData> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const agreements = await agreementsOfYear(db, year);
  const within = (d: string | null) => !!d && d >= start && d <= end;
  const newLettersOfIntent = agreements.filter((a) => within(a.letterOfIntentOn));
  const newSignatures = agreements.filter((a) => within(a.signedOn));
  const inForce = agreements.filter((a) => a.inForceAtYearEnd);

  const activity = await loadAnnualActivity(db, year, today);
  const areaRows = await db.selectFrom('thematic_areas').select(['id', 'code', 'name']).orderBy('id').execute();
  const counted = new Set([...inForce, ...newLettersOfIntent, ...newSignatures].map((a) => a.id));
  const relevant = agreements.filter((a) => counted.has(a.id));
  const total = (a: AnnualArea) => a.agreements + a.visits + a.commitments;
  const areas = areaRows
    .map((area) => ({
      ...area,
      agreements: relevant.filter((a) => a.areaIds.includes(area.id)).length,
      visits: activity.visits.filter((v) => v.areaIds.includes(area.id)).length,
      commitments: activity.commitments.filter((c) => c.areaId === area.id).length,
    }))
    .filter((a) => total(a) > 0)
    .sort((x, y) => total(y) - total(x) || x.id - y.id);
  const held = activity.visits.filter((v) => v.held);
  const done = (direction: 'inbound' | 'outbound') => held.filter((v) => v.direction === direction);

  return {
    kind: 'annual',
    year,
    office: await officeInfo(db),
    figures: {
      agreementsInForce: inForce.length,
      newLettersOfIntent: newLettersOfIntent.length,
      newSignatures: newSignatures.length,
      partnerCountries: new Set(inForce.map((a) => a.country)).size,
      visitsReceived: done('inbound').length,
      peopleReceived: done('inbound').reduce((n, v) => n + v.people, 0),
      visitsMade: done('outbound').length,
      peopleTravelled: done('outbound').reduce((n, v) => n + v.people, 0),
      scholarshipsAwarded: activity.scholarshipsAwarded,
      tasksCompleted: activity.tasksCompleted,
      tasksOpen: activity.tasksOpenAtYearEnd,
    },
    agreements,
    newLettersOfIntent,
    newSignatures,
    areas,
    activity,
    visitsToCome: activity.visits.length - held.length,
    map: await loadReportMap(db, inForce),
  };
}
