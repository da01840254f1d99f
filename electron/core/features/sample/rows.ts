import type Database from 'better-sqlite3';
import { present } from '../../../../shared/narrow.ts';
import type { SampleRemoval } from '../../../../shared/contract/setup.ts';
import type { Ctx } from '../../app/context.ts';
import { quote } from '../../exchange/tables.ts';

// Which rows are the sample's: every row the load created is listed in `sample_rows` (migration
// 0010) with the version it had then. Removal takes out those the user has not changed since, and
// never one a row of the user's still points at.

type Sqlite = Database.Database;
type Fk = { child: string; column: string; parent: string; cascade: boolean };
type Shape = { records: string[]; versioned: Set<string>; fks: Fk[]; linkTables: Set<string> };

// The settings key holding what the load wrote into Settings (office name, own city, staff), to undo on removal.
const WRITTEN = 'sampleSettings';
/** Attachments point at a record by (entity, id) rather than a foreign key. */
const ATTACHED: Record<string, string> = { agreement: 'agreements', visit: 'visits', commitment: 'commitments', delivery: 'deliveries' };

const ids = (set: Iterable<number>) => JSON.stringify([...set]);
const IN_IDS = 'IN (SELECT value FROM json_each(?))';

/** The file's tables, read from its schema so tables added later are covered without touching this code. */
function shape(sqlite: Sqlite): Shape {
  const tables = (sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]).filter(
    (t) => !['audit_log', 'sample_rows', 'schema_migrations', 'settings'].includes(t),
  );
  const records: string[] = [];
  const versioned = new Set<string>();
  const linkTables = new Set<string>();
  const fks: Fk[] = [];
  for (const table of tables) {
    const columns = sqlite.prepare('SELECT name, pk FROM pragma_table_info(?)').all(table) as { name: string; pk: number }[];
    const hasId = columns.some((c) => c.name === 'id' && c.pk === 1);
    if (hasId) records.push(table);
    if (columns.some((c) => c.name === 'version')) versioned.add(table);
    const keys = sqlite.prepare('SELECT "table" AS parent, "from" AS column, on_delete FROM pragma_foreign_key_list(?)').all(table) as {
      parent: string;
      column: string;
      on_delete: string;
    }[];
    for (const k of keys) fks.push({ child: table, column: k.column, parent: k.parent, cascade: k.on_delete === 'CASCADE' });
    if (!hasId && keys.length) linkTables.add(table);
  }
  return { records, versioned, fks, linkTables };
}

/** The highest id of each record table before the load: everything above it afterwards is the sample's. */
export function highWaterMarks(sqlite: Sqlite): Map<string, number> {
  return new Map(
    shape(sqlite).records.map((t) => [
      t,
      (sqlite
        .prepare(`SELECT coalesce(max(id), 0) FROM ${quote(t)}`)
        .pluck()
        .get() as number) ?? 0,
    ]),
  );
}

/** Lists the rows the load created, with their versions, and what it wrote into Settings. */
export function tagSampleRows(sqlite: Sqlite, marks: Map<string, number>, settingsBefore: Record<string, string>) {
  const { versioned } = shape(sqlite);
  for (const [table, mark] of marks) {
    const version = versioned.has(table) ? 'version' : 'NULL';
    sqlite
      .prepare(`INSERT OR IGNORE INTO sample_rows (table_name, row_id, version) SELECT ?, id, ${version} FROM ${quote(table)} WHERE id > ?`)
      .run(table, mark);
  }
  const written = Object.fromEntries(Object.entries(storedSettings(sqlite)).filter(([key, value]) => settingsBefore[key] !== value));
  sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(WRITTEN, JSON.stringify(written));
}

export function storedSettings(sqlite: Sqlite): Record<string, string> {
  const rows = sqlite.prepare('SELECT key, value FROM settings WHERE key <> ?').all(WRITTEN) as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export function sampleLoaded(sqlite: Sqlite): boolean {
  return !!sqlite.prepare('SELECT 1 FROM sample_rows LIMIT 1').get();
}

/**
 * Deletes the sample rows the user has neither changed (same version as loaded) nor made anything of
 * theirs point at; runs inside the caller's transaction. A kept row keeps what it is made of (its
 * stage history, a visit's participants), and a row pointing at a kept row does not keep it alive.
 */
export async function removeSampleRows(ctx: Ctx): Promise<SampleRemoval> {
  const sqlite = ctx.opened.sqlite;
  const { records, versioned, fks, linkTables } = shape(sqlite);
  const tagged = new Map<string, Map<number, number | null>>();
  for (const row of sqlite.prepare('SELECT table_name, row_id, version FROM sample_rows').all() as {
    table_name: string;
    row_id: number;
    version: number | null;
  }[]) {
    if (!records.includes(row.table_name)) continue;
    let versions = tagged.get(row.table_name);
    if (!versions) {
      versions = new Map();
      tagged.set(row.table_name, versions);
    }
    versions.set(row.row_id, row.version);
  }
  const doomed = new Map<string, Set<number>>(records.map((t) => [t, new Set<number>()]));
  for (const [table, rows] of tagged) {
    // Only the sample's own tables were tagged, and each has its set.
    const gone = present(doomed.get(table), `the removal set of ${table}`);
    const current = sqlite
      .prepare(`SELECT id, ${versioned.has(table) ? 'version' : 'NULL AS version'} FROM ${quote(table)} WHERE id ${IN_IDS}`)
      .all(ids(rows.keys())) as {
      id: number;
      version: number | null;
    }[];
    for (const row of current) {
      const loaded = rows.get(row.id);
      if (!versioned.has(table) || (loaded !== null && loaded === row.version)) gone.add(row.id);
    }
  }
  const isDoomed = (table: string, id: unknown) => typeof id === 'number' && !!doomed.get(table)?.has(id);
  const spare = (table: string, id: number) => doomed.get(table)?.delete(id) ?? false;

  // To a fixed point: a surviving row keeps what it points at, and a part survives with its whole.
  for (let changed = true; changed;) {
    changed = false;
    for (const fk of fks) {
      const parents = doomed.get(fk.parent);
      if (!parents?.size) continue;
      if (linkTables.has(fk.child)) {
        const own = fks.filter((f) => f.child === fk.child);
        const rows = sqlite.prepare(`SELECT * FROM ${quote(fk.child)} WHERE ${quote(fk.column)} ${IN_IDS}`).all(ids(parents)) as Record<string, unknown>[];
        for (const row of rows) {
          // A link belongs to its owner (the side it cascades from: a visit's agreements, an agreement's areas) and goes with it.
          const owners = own.filter((f) => f.cascade);
          const goes = owners.length > 0 && owners.every((f) => isDoomed(f.parent, row[f.column]));
          if (!goes) changed = spare(fk.parent, row[fk.column] as number) || changed;
        }
      } else if (doomed.has(fk.child)) {
        const rows = sqlite.prepare(`SELECT id, ${quote(fk.column)} AS ref FROM ${quote(fk.child)} WHERE ${quote(fk.column)} ${IN_IDS}`).all(ids(parents)) as {
          id: number;
          ref: number;
        }[];
        for (const row of rows) if (!isDoomed(fk.child, row.id)) changed = spare(fk.parent, row.ref) || changed;
      }
      const children = doomed.get(fk.child);
      if (fk.cascade && children?.size) {
        const rows = sqlite.prepare(`SELECT id, ${quote(fk.column)} AS ref FROM ${quote(fk.child)} WHERE id ${IN_IDS}`).all(ids(children)) as {
          id: number;
          ref: number | null;
        }[];
        for (const row of rows) if (row.ref !== null && !isDoomed(fk.parent, row.ref)) changed = spare(fk.child, row.id) || changed;
      }
    }
    if (doomed.has('attachment_links')) {
      const links = sqlite.prepare('SELECT id, entity, entity_id FROM attachment_links').all() as { id: number; entity: string; entity_id: number }[];
      for (const link of links) {
        const target = ATTACHED[link.entity];
        if (!target || !isDoomed(target, link.entity_id)) continue;
        if (!isDoomed('attachment_links', link.id)) changed = spare(target, link.entity_id) || changed;
      }
    }
  }

  const removed: Record<string, number> = {};
  const kept: Record<string, number> = {};
  sqlite.pragma('defer_foreign_keys = ON');
  for (const [table, rows] of doomed) {
    if (rows.size) {
      removed[table] = sqlite.prepare(`DELETE FROM ${quote(table)} WHERE id ${IN_IDS}`).run(ids(rows)).changes;
    }
    const spared = (tagged.get(table)?.size ?? 0) - rows.size;
    if (spared > 0) kept[table] = spared;
  }
  restoreSettings(sqlite);
  sqlite.prepare('DELETE FROM sample_rows').run();
  await ctx.audit('sample', 0, 'delete', { removed, kept }, null);
  return { removed, kept };
}

/** Settings the load filled in go back to empty unless the user has set them since; an own city that is gone is forgotten. */
function restoreSettings(sqlite: Sqlite) {
  const written = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(WRITTEN) as string | undefined;
  const current = storedSettings(sqlite);
  for (const [key, value] of Object.entries(written ? (JSON.parse(written) as Record<string, string>) : {})) {
    // The own city stays while its locality does (kept because the user changed or uses it).
    if (key !== 'ownLocalityId' && current[key] === value) sqlite.prepare('DELETE FROM settings WHERE key = ?').run(key);
  }
  const own = sqlite.prepare("SELECT value FROM settings WHERE key = 'ownLocalityId'").pluck().get() as string | undefined;
  if (own && own !== 'null' && !sqlite.prepare('SELECT 1 FROM localities WHERE id = ?').get(Number(JSON.parse(own)))) {
    sqlite.prepare("DELETE FROM settings WHERE key = 'ownLocalityId'").run();
  }
  sqlite.prepare('DELETE FROM settings WHERE key = ?').run(WRITTEN);
}
