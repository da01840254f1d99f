import type { Migration } from './migration.ts';

// The sample data can be removed again, and removal must take out exactly the rows the
// sample put in: this table lists them (table and id) with the version each had when the
// sample was loaded, so a row the user changed since (its version moved on) is kept.
//
// Files that loaded the sample before this migration have no list. Their sample rows are
// found the way the load wrote them: in one transaction, so every row it created carries a
// creation time between the first and the last sample-tagged row's (a fraction of a second
// apart); rows without timestamps follow the row they belong to. A row updated after that
// window was changed by the user and is listed without a version (kept on removal).
const STAMPED = ['localities', 'agreements', 'contacts', 'visits', 'tasks', 'office_events', 'commitments', 'deliveries'] as const;
const TAGGED = new Set(['localities', 'agreements', 'contacts', 'visits', 'tasks', 'office_events']);
const CHILDREN = [
  ['agreement_stages', 'agreement_id', 'agreements'],
  ['visit_participants', 'visit_id', 'visits'],
  ['visit_agenda_items', 'visit_id', 'visits'],
  ['visit_outcomes', 'visit_id', 'visits'],
  ['visit_costs', 'visit_id', 'visits'],
  ['visit_gifts', 'visit_id', 'visits'],
  ['beneficiaries', 'delivery_id', 'deliveries'],
] as const;

export default {
  version: 10,
  name: '0010-sample-rows',
  up(db) {
    db.exec(`
      CREATE TABLE sample_rows (
        table_name TEXT NOT NULL,
        row_id INTEGER NOT NULL,
        version INTEGER,
        PRIMARY KEY (table_name, row_id)
      ) WITHOUT ROWID;
    `);
    const window = db
      .prepare(
        `SELECT min(created_at) AS first, max(created_at) AS last FROM (
           ${[...TAGGED].map((t) => `SELECT created_at FROM ${t} WHERE sample IS NOT NULL`).join(' UNION ALL ')})`,
      )
      .get() as { first: string | null; last: string | null };
    if (!window.first || !window.last) return;
    // One transaction takes well under a minute; a wider spread means the tags came some other way.
    const oneLoad = Date.parse(window.last) - Date.parse(window.first) < 60_000;
    for (const table of STAMPED) {
      const tagged = TAGGED.has(table) ? 'sample IS NOT NULL' : '0';
      const inWindow = oneLoad ? 'created_at BETWEEN @first AND @last' : '0';
      db.prepare(
        `INSERT INTO sample_rows (table_name, row_id, version)
         SELECT '${table}', id, CASE WHEN updated_at <= @last THEN version END FROM ${table} WHERE ${tagged} OR ${inWindow}`,
      ).run(window);
    }
    for (const [table, column, parent] of CHILDREN) {
      db.exec(
        `INSERT INTO sample_rows (table_name, row_id, version)
         SELECT '${table}', id, NULL FROM ${table} WHERE ${column} IN (SELECT row_id FROM sample_rows WHERE table_name = '${parent}')`,
      );
    }
  },
} satisfies Migration;
