import { sql, type Kysely } from 'kysely';
import type { AgreementStage } from '../../../../shared/contract/agreements.ts';
import type { DB } from '../../db/schema.ts';

// Which agreements a year knows and which were in force at its end: the
// annual report's agreements, its "in force" figure, its partner countries
// and its new letters and signatures all come from here.

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

const IN_FORCE: readonly AgreementStage[] = ['signed', 'active', 'dormant'];

/** In force on a day: signed by then and not ended by then (the annual report's figure, and the visit form's pre-selected agreement). */
export const inForceOn = (a: { signedOn: string | null; endedOn: string | null }, day: string): boolean =>
  !!a.signedOn && a.signedOn <= day && !(a.endedOn && a.endedOn <= day);

/**
 * Every agreement (not archived) known by the end of the year (a letter, a signature or a stage by then) and not
 * ended before it began, with its stage on 31 December; in force = signed by then and not ended by then.
 */
export async function agreementsOfYear(db: Kysely<DB>, year: number): Promise<AnnualAgreement[]> {
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
      sql<
        string | null
      >`(SELECT s.stage FROM agreement_stages s WHERE s.agreement_id = a.id AND s.effective_on <= ${end} ORDER BY s.effective_on DESC, s.id DESC LIMIT 1)`.as(
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
    const inForce = inForceOn(r, end);
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
      inForceAtYearEnd: inForce,
      areaIds: r.areaList ? r.areaList.split(',').map(Number) : [],
    });
  }
  return agreements;
}
