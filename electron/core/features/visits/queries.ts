import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { CallParsed } from '../../../../shared/contract/index.ts';
import type { Visit, VisitList } from '../../../../shared/contract/visits.ts';
import { emptyCosts, visitCosts } from '../figures/public.ts';
import { likePattern } from '../../../../shared/text/search-key.ts';
import type { DB } from '../../db/schema.ts';
import { sortTerms } from '../../db/sort.ts';

const SORT_COLUMNS = {
  startsOn: sql`v.starts_on`,
  purpose: sql`v.purpose COLLATE NOCASE`,
  place: sql`l.search_text`,
  direction: sql`v.direction`,
  status: sql`v.status`,
  updatedAt: sql`v.updated_at`,
} as const;

/** Visits with their place: the source of every list of visit rows (the list screen, Home). */
export const visitsWithPlace = (db: Kysely<DB>) => db.selectFrom('visits as v').leftJoin('localities as l', 'l.id', 'v.locality_id');

/** The columns of one row in a list of visits. */
export const selectVisitRow = (query: ReturnType<typeof visitsWithPlace>) =>
  query.select([
    'v.id',
    'v.direction',
    'v.status',
    'v.starts_on as startsOn',
    'v.ends_on as endsOn',
    'l.name as localityName',
    'l.native_name as localityNativeName',
    'v.venue',
    'v.purpose',
    sql<number>`(SELECT count(*) FROM visit_participants p WHERE p.visit_id = v.id)`.as('participants'),
    'v.sample',
    'v.archived_at as archivedAt',
  ]);

function filtered(db: Kysely<DB>, q: CallParsed<'visits.list'>) {
  let query = visitsWithPlace(db);
  query = query.where('v.archived_at', q.archived ? 'is not' : 'is', null);
  if (q.direction) query = query.where('v.direction', '=', q.direction);
  if (q.status) query = query.where('v.status', '=', q.status);
  if (q.year !== undefined) query = query.where('v.starts_on', '>=', `${q.year}-01-01`).where('v.starts_on', '<', `${q.year + 1}-01-01`);
  if (q.agreementId !== undefined) {
    const agreementId = q.agreementId;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('visit_agreements as va').select('va.visit_id').whereRef('va.visit_id', '=', 'v.id').where('va.agreement_id', '=', agreementId)),
    );
  }
  if (q.partnerId !== undefined) {
    const partnerId = q.partnerId;
    query = query.where((eb) =>
      eb.or([
        eb('v.locality_id', '=', partnerId),
        eb.exists(
          eb
            .selectFrom('visit_agreements as va')
            .innerJoin('agreements as a', 'a.id', 'va.agreement_id')
            .select('va.visit_id')
            .whereRef('va.visit_id', '=', 'v.id')
            .where('a.partner_id', '=', partnerId),
        ),
      ]),
    );
  }
  if (q.contactId !== undefined) {
    const contactId = q.contactId;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('visit_participants as p').select('p.visit_id').whereRef('p.visit_id', '=', 'v.id').where('p.contact_id', '=', contactId)),
    );
  }
  if (q.search?.trim()) {
    const pattern = likePattern(q.search);
    query = query.where(sql<SqlBool>`(v.search_text LIKE ${pattern} ESCAPE '\\' OR l.search_text LIKE ${pattern} ESCAPE '\\')` as Expression<SqlBool>);
  }
  return query;
}

/** The two statements behind the list: exposed so the benchmark can run the same SQL raw. */
export function visitListQueries(db: Kysely<DB>, q: CallParsed<'visits.list'>) {
  const base = filtered(db, q);
  return {
    count: base.select((eb) => eb.fn.countAll<number>().as('total')),
    rows: sortTerms(SORT_COLUMNS[q.sort], q.dir, 'v.id')
      .reduce((rows, [term, dir]) => rows.orderBy(term, dir), selectVisitRow(base))
      .limit(q.limit)
      .offset(q.offset),
  };
}

export async function listVisits(db: Kysely<DB>, q: CallParsed<'visits.list'>): Promise<VisitList> {
  const { count, rows } = visitListQueries(db, q);
  const { total } = await count.executeTakeFirstOrThrow();
  return { total, rows: await rows.execute() };
}

export async function findVisit(db: Kysely<DB>, id: number): Promise<Visit | undefined> {
  const row = await db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [locality, agreements, participants, agenda, outcomes, costs, gifts, tasks] = await Promise.all([
    row.locality_id === null
      ? undefined
      : db.selectFrom('localities').select(['id', 'name', 'native_name as nativeName', 'country']).where('id', '=', row.locality_id).executeTakeFirst(),
    db
      .selectFrom('visit_agreements as va')
      .innerJoin('agreements as a', 'a.id', 'va.agreement_id')
      .innerJoin('localities as l', 'l.id', 'a.partner_id')
      .select(['a.id', 'l.name as partnerName', 'l.native_name as partnerNativeName', 'a.kind'])
      .where('va.visit_id', '=', id)
      .orderBy('l.search_text')
      .execute(),
    db
      .selectFrom('visit_participants as p')
      .innerJoin('contacts as c', 'c.id', 'p.contact_id')
      .select(['p.contact_id as contactId', 'p.role', 'c.name', 'c.native_name as nativeName', 'c.title', 'c.organisation'])
      .where('p.visit_id', '=', id)
      .orderBy('p.position')
      .execute(),
    db
      .selectFrom('visit_agenda_items')
      .select(['on_date as onDate', 'at_time as atTime', 'place', 'what', 'with_whom as withWhom'])
      .where('visit_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('visit_outcomes as o')
      .leftJoin('tasks as t', 't.id', 'o.task_id')
      .select(['o.id', 'o.text', 'o.task_id as taskId', 't.status as taskStatus'])
      .where('o.visit_id', '=', id)
      .orderBy('o.position')
      .execute(),
    db
      .selectFrom('visit_costs')
      .select(['item', 'amount_minor as amountMinor', 'currency', 'paid_by as paidBy'])
      .where('visit_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('visit_gifts')
      .select(['direction', 'what', 'counterpart', 'value_minor as valueMinor', 'currency'])
      .where('visit_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('tasks')
      .select(['id', 'title', 'due_on as dueOn', 'status', 'priority', 'assignee'])
      .where('visit_id', '=', id)
      .orderBy(sql`due_on IS NULL, due_on, id`)
      .execute(),
  ]);
  return {
    id: row.id,
    version: row.version,
    direction: row.direction,
    status: row.status,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    localityId: row.locality_id,
    locality: locality ?? null,
    venue: row.venue,
    purpose: row.purpose,
    agreementIds: agreements.map((a) => a.id),
    agreements,
    participants: participants,
    agenda,
    outcomes,
    costs,
    costTotals: (await visitCosts(db, [id])).get(id) ?? emptyCosts(),
    gifts,
    dietaryNotes: row.dietary_notes,
    interpreterNotes: row.interpreter_notes,
    notes: row.notes,
    tasks,
    sample: row.sample,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
