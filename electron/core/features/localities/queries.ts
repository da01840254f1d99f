import { sql, type Kysely } from 'kysely';
import type { Locality, LocalityPage } from '../../../../shared/contract/localities.ts';
import { likePattern } from '../../../../shared/text/search-key.ts';
import type { DB } from '../../db/schema.ts';
import type { CallParsed } from '../../../../shared/contract/index.ts';
import { sortTerms } from '../../db/sort.ts';

function selectLocalities(db: Kysely<DB>) {
  return db
    .selectFrom('localities as l')
    .leftJoin('localities as p', 'p.id', 'l.parent_id')
    .select([
      'l.id',
      'l.name',
      'l.native_name as nativeName',
      'l.country',
      'l.level',
      'l.parent_id as parentId',
      'p.name as parentName',
      'l.latitude',
      'l.longitude',
      'l.sample',
      'l.archived_at as archivedAt',
      'l.version',
    ]);
}

export async function findLocality(db: Kysely<DB>, id: number): Promise<Locality | undefined> {
  const row = await selectLocalities(db).where('l.id', '=', id).executeTakeFirst();
  return row;
}

type LocalityFilters = { search?: string | undefined; country?: string | undefined; includeArchived: boolean };

function filteredLocalities(db: Kysely<DB>, q: LocalityFilters) {
  let query = db.selectFrom('localities as l');
  if (!q.includeArchived) query = query.where('l.archived_at', 'is', null);
  if (q.country) query = query.where('l.country', '=', q.country);
  if (q.search?.trim()) query = query.where(sql<boolean>`l.search_text LIKE ${likePattern(q.search)} ESCAPE '\\'`);
  return query;
}

export async function listLocalities(db: Kysely<DB>, q: LocalityFilters & { offset: number; limit: number }): Promise<Locality[]> {
  return (await pageOfLocalities(db, { ...q, sort: 'name', dir: 'asc' }, false)).rows;
}

const LOCALITY_SORT_COLUMNS = {
  name: sql`l.search_text`,
  nativeName: sql`l.native_name`,
  country: sql`l.country`,
  level: sql`l.level`,
  parent: sql`p.search_text`,
} as const;

/** One sorted page of the Localities screen, and (when asked) how many match in all. */
export async function pageOfLocalities(db: Kysely<DB>, q: CallParsed<'localities.page'>, withTotal = true): Promise<LocalityPage> {
  const base = filteredLocalities(db, q);
  const total = withTotal ? (await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n : 0;
  const rows = await sortTerms(LOCALITY_SORT_COLUMNS[q.sort], q.dir, 'l.id')
    .reduce((rows, [term, dir]) => rows.orderBy(term, dir), selectLocalities(db).where('l.id', 'in', base.select('l.id')))
    .offset(q.offset)
    .limit(q.limit)
    .execute();
  return { total, rows: rows as Locality[] };
}
