import { sql, type Kysely } from 'kysely';
import type { AgreementStage } from '../../../../shared/contract/agreements.ts';
import type { DB } from '../../db/schema.ts';
import { officeInfo, type OfficeInfo } from '../office.ts';
import { loadAnnualActivity, type AnnualActivity } from './activity.ts';

// What the annual report holds, as plain data: the preview shows its figures,
// the tests check them, the document module only lays them out.

export type AnnualAgreement = {
  id: number;
  partnerName: string;
  partnerNative: string | null;
  country: string;
  level: string;
  kind: string;
  /** The stage the agreement was in on 31 December of the year (from its stage history). */
  stageAtYearEnd: AgreementStage;
  letterOfIntentOn: string | null;
  signedOn: string | null;
  endedOn: string | null;
  inForceAtYearEnd: boolean;
  areaIds: number[];
};

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
};

const IN_FORCE: readonly AgreementStage[] = ['signed', 'active', 'dormant'];

/**
 * `today` decides which of the year's visits have taken place: a confirmed
 * delegation due next month is listed, marked with its status, but not yet
 * counted among the visits received or made.
 */
export async function loadAnnualReport(db: Kysely<DB>, year: number, today: string): Promise<AnnualReportData> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const rows = await db
    .selectFrom('agreements as a')
    .innerJoin('localities as l', 'l.id', 'a.partner_id')
    .select([
      'a.id',
      'l.name as partnerName',
      'l.native_name as partnerNative',
      'l.country',
      'l.level',
      'a.kind',
      'a.stage',
      'a.letter_of_intent_on as letterOfIntentOn',
      'a.signed_on as signedOn',
      'a.ended_on as endedOn',
      // The last stage reached on or before the year's end; the current stage when no history reaches back.
      sql<string | null>`(SELECT s.stage FROM agreement_stages s WHERE s.agreement_id = a.id AND s.effective_on <= ${end} ORDER BY s.effective_on DESC, s.id DESC LIMIT 1)`.as(
        'historicStage',
      ),
      sql<string | null>`(SELECT min(s.effective_on) FROM agreement_stages s WHERE s.agreement_id = a.id)`.as('firstStageOn'),
      sql<string>`(SELECT group_concat(aa.area_id) FROM agreement_areas aa WHERE aa.agreement_id = a.id)`.as('areaList'),
    ])
    .where('a.archived_at', 'is', null)
    .execute();

  const agreements: AnnualAgreement[] = [];
  for (const r of rows) {
    const began = [r.letterOfIntentOn, r.signedOn, r.firstStageOn].filter((d): d is string => !!d).sort()[0];
    if (!began || began > end) continue; // not yet known in that year
    if (r.endedOn && r.endedOn < start) continue; // over before the year began
    const signedByEnd = !!r.signedOn && r.signedOn <= end;
    const endedByEnd = !!r.endedOn && r.endedOn <= end;
    const recorded = (r.historicStage ?? r.stage) as AgreementStage;
    // The dates win over a stage history typed in later: signed by then means at least signed.
    const stage: AgreementStage = endedByEnd ? 'ended' : signedByEnd && !IN_FORCE.includes(recorded) ? 'signed' : recorded;
    agreements.push({
      id: r.id,
      partnerName: r.partnerName,
      partnerNative: r.partnerNative,
      country: r.country,
      level: r.level,
      kind: r.kind,
      stageAtYearEnd: stage,
      letterOfIntentOn: r.letterOfIntentOn,
      signedOn: r.signedOn,
      endedOn: r.endedOn,
      inForceAtYearEnd: signedByEnd && !endedByEnd,
      areaIds: r.areaList ? r.areaList.split(',').map(Number) : [],
    });
  }
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
  };
}
