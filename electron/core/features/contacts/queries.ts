import { sql, type Kysely } from 'kysely';
import type { Contact, ContactList } from '../../../../shared/contract/contacts.ts';
import type { CallParsed } from '../../../../shared/contract/index.ts';
import { likePattern } from '../../../../shared/text/search-key.ts';
import type { ParticipantRole } from '../../../../shared/contract/visits.ts';
import type { DB } from '../../db/schema.ts';
import { sortTerms } from '../../db/sort.ts';

function selectContacts(db: Kysely<DB>) {
  return db
    .selectFrom('contacts as c')
    .leftJoin('localities as l', 'l.id', 'c.locality_id')
    .select([
      'c.id',
      'c.name',
      'c.native_name as nativeName',
      'c.title',
      'c.organisation',
      'c.locality_id as localityId',
      'l.name as localityName',
      'c.email',
      'c.phone',
      'c.sample',
      'c.archived_at as archivedAt',
    ]);
}

export async function listContacts(db: Kysely<DB>, q: CallParsed<'contacts.list'>): Promise<ContactList> {
  let query = db.selectFrom('contacts as c').where('c.archived_at', q.archived ? 'is not' : 'is', null);
  if (q.localityId !== undefined) query = query.where('c.locality_id', '=', q.localityId);
  if (q.search?.trim()) query = query.where(sql<boolean>`c.search_text LIKE ${likePattern(q.search)} ESCAPE '\\'`);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const ids = query.select('c.id');
  const column = {
    name: sql`c.search_text`,
    title: sql`c.title COLLATE NOCASE`,
    organisation: sql`c.organisation COLLATE NOCASE`,
    email: sql`c.email COLLATE NOCASE`,
    updatedAt: sql`c.updated_at`,
  }[q.sort];
  const rows = await sortTerms(column, q.dir, 'c.id')
    .reduce((rows, [term, dir]) => rows.orderBy(term, dir), selectContacts(db).where('c.id', 'in', ids))
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total, rows: rows };
}

export async function findContact(db: Kysely<DB>, id: number): Promise<Contact | undefined> {
  const row = await db
    .selectFrom('contacts as c')
    .leftJoin('localities as l', 'l.id', 'c.locality_id')
    .selectAll('c')
    .select(['l.name as localityName', 'l.native_name as localityNativeName', 'l.country as localityCountry'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  // An archived visit is gone from the office's view (until restored), here as in its list.
  const visits = await db
    .selectFrom('visit_participants as p')
    .innerJoin('visits as v', 'v.id', 'p.visit_id')
    .leftJoin('localities as vl', 'vl.id', 'v.locality_id')
    .select([
      'v.id',
      'v.starts_on as startsOn',
      'v.ends_on as endsOn',
      'v.direction',
      'v.status',
      'v.purpose',
      'p.role',
      'v.locality_id as localityId',
      'vl.name as localityName',
      'vl.native_name as localityNativeName',
      'vl.country as localityCountry',
    ])
    .where('p.contact_id', '=', id)
    .where('v.archived_at', 'is', null)
    .orderBy('v.starts_on', 'desc')
    .orderBy('v.id', 'desc')
    .execute();
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    nativeName: row.native_name,
    title: row.title,
    organisation: row.organisation,
    localityId: row.locality_id,
    localityName: row.localityName,
    localityNativeName: row.localityNativeName,
    localityCountry: row.localityCountry,
    languages: row.languages,
    email: row.email,
    phone: row.phone,
    notes: row.notes,
    sample: row.sample,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    // The column holds only the contract's roles (the visit's schema checks them on the way in).
    visits: visits.map((v) => ({ ...v, role: v.role as ParticipantRole })),
  };
}
