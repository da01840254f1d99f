import { sql, type Kysely } from 'kysely';
import type { Locality } from '../../../../shared/contract/localities.ts';
import { likePattern } from '../../../../shared/text/search-key.ts';
import type { DB } from '../../db/schema.ts';

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

export async function listLocalities(
  db: Kysely<DB>,
  q: { search?: string | undefined; country?: string | undefined; includeArchived: boolean; offset: number; limit: number },
): Promise<Locality[]> {
  let query = selectLocalities(db);
  if (!q.includeArchived) query = query.where('l.archived_at', 'is', null);
  if (q.country) query = query.where('l.country', '=', q.country);
  if (q.search?.trim()) query = query.where(sql<boolean>`l.search_text LIKE ${likePattern(q.search)} ESCAPE '\\'`);
  const rows = await query.orderBy('l.search_text').orderBy('l.id').offset(q.offset).limit(q.limit).execute();
  return rows;
}
