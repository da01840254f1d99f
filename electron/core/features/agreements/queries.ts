import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Agreement, AgreementList } from '../../../../shared/contract/agreements.ts';
import type { CallParsed } from '../../../../shared/contract/index.ts';
import { likePattern } from '../../../../shared/text/search-key.ts';
import type { DB } from '../../db/schema.ts';
import { sortTerms } from '../../db/sort.ts';

export type AgreementOwnFields = Omit<Agreement, 'partner' | 'areas' | 'stages'>;
import { findLocality } from '../localities/public.ts';

const SORT_COLUMNS = {
  partner: sql`l.search_text`,
  country: sql`l.country`,
  kind: sql`a.kind`,
  stage: sql`a.stage`,
  signedOn: sql`a.signed_on`,
  updatedAt: sql`a.updated_at`,
} as const;

function filtered(db: Kysely<DB>, q: CallParsed<'agreements.list'>) {
  let query = db.selectFrom('agreements as a').innerJoin('localities as l', 'l.id', 'a.partner_id');
  query = query.where('a.archived_at', q.archived ? 'is not' : 'is', null);
  if (q.stages?.length) query = query.where('a.stage', 'in', q.stages);
  if (q.country) query = query.where('l.country', '=', q.country);
  if (q.areaId !== undefined) {
    const areaId = q.areaId;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('agreement_areas as aa').select('aa.area_id').whereRef('aa.agreement_id', '=', 'a.id').where('aa.area_id', '=', areaId)),
    );
  }
  if (q.search?.trim()) {
    const pattern = likePattern(q.search);
    query = query.where(sql<SqlBool>`(l.search_text LIKE ${pattern} ESCAPE '\\' OR a.search_text LIKE ${pattern} ESCAPE '\\')` as Expression<SqlBool>);
  }
  return query;
}

/** An agreement as the lists show it, over `agreements as a` joined to its partner `localities as l`. */
export const AGREEMENT_ROW = [
  'a.id',
  'a.partner_id as partnerId',
  'l.name as partnerName',
  'l.native_name as partnerNativeName',
  'l.country',
  'a.kind',
  'a.stage',
  'a.signed_on as signedOn',
  'a.expires_on as expiresOn',
  'a.sample',
  'a.archived_at as archivedAt',
] as const;

/** The two statements behind the list: exposed so the benchmark can run the same SQL raw. */
export function agreementListQueries(db: Kysely<DB>, q: CallParsed<'agreements.list'>) {
  const base = filtered(db, q);
  let rows = base.select(AGREEMENT_ROW);
  for (const [term, dir] of sortTerms(SORT_COLUMNS[q.sort], q.dir, 'a.id')) rows = rows.orderBy(term, dir);
  return {
    count: base.select((eb) => eb.fn.countAll<number>().as('total')),
    rows: rows.limit(q.limit).offset(q.offset),
  };
}

export async function listAgreements(db: Kysely<DB>, q: CallParsed<'agreements.list'>): Promise<AgreementList> {
  const { count, rows } = agreementListQueries(db, q);
  const { total } = await count.executeTakeFirstOrThrow();
  return { total, rows: await rows.execute() };
}

export async function findAgreement(db: Kysely<DB>, id: number): Promise<Agreement | undefined> {
  const row = await db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [partner, areas, stages] = await Promise.all([
    findLocality(db, row.partner_id),
    db
      .selectFrom('agreement_areas as aa')
      .innerJoin('thematic_areas as t', 't.id', 'aa.area_id')
      .select(['t.id', 't.code', 't.name'])
      .where('aa.agreement_id', '=', id)
      .orderBy('t.id')
      .execute(),
    db
      .selectFrom('agreement_stages')
      .select(['stage', 'effective_on as date', 'recorded_at as recordedAt', 'user_name as userName', 'note'])
      .where('agreement_id', '=', id)
      .orderBy('effective_on')
      .orderBy('id')
      .execute(),
  ]);
  if (!partner) return undefined;
  return {
    ...agreementOwnFields(
      row,
      areas.map((a) => a.id),
    ),
    partner,
    areas,
    stages: stages,
  };
}

/** An agreement's own fields, without what is joined to it: what the audit log keeps of it. */
export function agreementOwnFields(row: Selectable<DB['agreements']>, areaIds: number[]): AgreementOwnFields {
  return {
    id: row.id,
    version: row.version,
    partnerId: row.partner_id,
    kind: row.kind,
    stage: row.stage,
    stageSince: row.stage_since,
    letterOfIntentOn: row.letter_of_intent_on,
    signedOn: row.signed_on,
    signedPlace: row.signed_place,
    signatoriesOurs: row.signatories_ours,
    signatoriesTheirs: row.signatories_theirs,
    resolutionNumber: row.resolution_number,
    resolutionOn: row.resolution_on,
    channel: row.channel,
    areaIds,
    renewalOn: row.renewal_on,
    expiresOn: row.expires_on,
    endedOn: row.ended_on,
    notes: row.notes,
    sample: row.sample,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
