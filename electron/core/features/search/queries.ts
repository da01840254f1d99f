import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PickPage, SearchHit, SearchKind, SearchResults } from '../../../../shared/contract/search.ts';
import { SEARCH_KINDS } from '../../../../shared/contract/search.ts';
import type { CallParsed } from '../../../../shared/contract/index.ts';
import { searchTerms } from '../../../../shared/text/search-key.ts';
import type { DB } from '../../db/schema.ts';
import { inForceOn } from '../figures/public.ts';

// Every kind of record is found the same way: each typed word somewhere in its search key
// (folded names plus their pinyin, see shared/text/search-key.ts), live rows only, keys that
// begin with the first word first. Keys are indexed (migration 0012), so a search reads the
// index, not the tables.

type Source = {
  from: string;
  /** The key the words are looked for in. */
  key: string;
  live: string;
  /** id, name, nativeName, detail, code, date (+ signedOn, endedOn for agreements). */
  select: string;
};

const SOURCES: Record<SearchKind, Source> = {
  locality: {
    from: 'localities x',
    key: 'x.search_text',
    live: 'x.archived_at IS NULL',
    select: 'x.id, x.name, x.native_name AS nativeName, NULL AS detail, x.country AS code, NULL AS date',
  },
  // An agreement is known by its partner's names, and by its own text (place, signatories, resolution).
  agreement: {
    from: 'agreements x JOIN localities l ON l.id = x.partner_id',
    key: "(l.search_text || ' ' || x.search_text)",
    live: 'x.archived_at IS NULL',
    select: 'x.id, l.name, l.native_name AS nativeName, NULL AS detail, x.kind AS code, x.signed_on AS date, x.signed_on AS signedOn, x.ended_on AS endedOn',
  },
  contact: {
    from: 'contacts x',
    key: 'x.search_text',
    live: 'x.archived_at IS NULL',
    select: 'x.id, x.name, x.native_name AS nativeName, x.organisation AS detail, NULL AS code, NULL AS date',
  },
  visit: {
    from: 'visits x LEFT JOIN localities l ON l.id = x.locality_id',
    key: 'x.search_text',
    live: 'x.archived_at IS NULL',
    select: 'x.id, x.purpose AS name, NULL AS nativeName, l.name AS detail, x.direction AS code, x.starts_on AS date',
  },
  commitment: {
    from: 'commitments x JOIN agreements a ON a.id = x.agreement_id JOIN localities l ON l.id = a.partner_id',
    key: 'x.search_text',
    live: '1 = 1',
    select: 'x.id, x.description AS name, NULL AS nativeName, l.name AS detail, x.kind AS code, x.due_on AS date',
  },
  task: {
    from: 'tasks x',
    key: 'x.search_text',
    live: '1 = 1',
    select: 'x.id, x.title AS name, NULL AS nativeName, NULL AS detail, x.status AS code, x.due_on AS date',
  },
};

type Row = Omit<SearchHit, 'kind' | 'inForce'> & { signedOn?: string | null; endedOn?: string | null };

function matching(source: Source, terms: string[], extra: RawBuilder<unknown>[]) {
  // instr, not LIKE: keys and terms are folded already, and a plain substring search is several times faster.
  const conditions = [sql.raw(source.live), ...terms.map((t) => sql`instr(${sql.raw(source.key)}, ${t}) > 0`), ...extra];
  return sql`FROM ${sql.raw(source.from)} WHERE ${sql.join(conditions, sql` AND `)}`;
}

function ordered(source: Source, terms: string[]) {
  const first = terms[0];
  const key = sql.raw(source.key);
  return first === undefined ? sql`ORDER BY ${key}, x.id` : sql`ORDER BY instr(${key}, ${first}) = 1 DESC, ${key}, x.id`;
}

function hit(kind: SearchKind, row: Row, day: string): SearchHit {
  const { signedOn, endedOn, ...own } = row;
  return kind === 'agreement' ? { kind, ...own, inForce: inForceOn({ signedOn: signedOn ?? null, endedOn: endedOn ?? null }, day) } : { kind, ...own };
}

async function find(db: Kysely<DB>, kind: SearchKind, terms: string[], extra: RawBuilder<unknown>[], limit: number, offset: number) {
  const source = SOURCES[kind];
  const { rows } =
    await sql<Row>`SELECT ${sql.raw(source.select)} ${matching(source, terms, extra)} ${ordered(source, terms)} LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return rows;
}

/** Global search: a few of each kind, for the one box in the header. */
export async function searchAll(db: Kysely<DB>, q: CallParsed<'search.global'>, day: string): Promise<SearchResults> {
  const terms = searchTerms(q.query);
  if (!terms.length) return { groups: [] };
  const groups: SearchResults['groups'] = [];
  for (const kind of SEARCH_KINDS) {
    const hits = (await find(db, kind, terms, [], q.limit, 0)).map((r) => hit(kind, r, day));
    if (hits.length) groups.push({ kind, hits });
  }
  return { groups };
}

/** A picker's page: the records of one kind a few typed words find, and how many there are in all. */
export async function pick(db: Kysely<DB>, q: CallParsed<'search.pick'>, today: string): Promise<PickPage> {
  const day = q.on ?? today;
  const source = SOURCES[q.kind];
  if (q.ids) {
    if (!q.ids.length) return { total: 0, rows: [] };
    // The value a picker holds is shown even when archived since.
    const { rows } = await sql<Row>`SELECT ${sql.raw(source.select)} FROM ${sql.raw(source.from)} WHERE x.id IN (${sql.join(q.ids)})`.execute(db);
    return { total: rows.length, rows: rows.map((r) => hit(q.kind, r, day)) };
  }
  const terms = searchTerms(q.query);
  const extra = q.kind === 'agreement' && q.partnerId !== undefined ? [sql`x.partner_id = ${q.partnerId}`] : [];
  const rows = await find(db, q.kind, terms, extra, q.limit, q.offset);
  // A short first page is the whole answer: no need to count.
  const total =
    q.offset === 0 && rows.length < q.limit
      ? rows.length
      : ((await sql<{ n: number }>`SELECT count(*) AS n ${matching(source, terms, extra)}`.execute(db)).rows[0]?.n ?? 0);
  return { total, rows: rows.map((r) => hit(q.kind, r, day)) };
}
