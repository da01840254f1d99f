import type Database from 'better-sqlite3';

export type TableShape = { name: string; columns: string[]; orderBy: string };

// Not data: the migration ledger is the file's version, and the backups folder is a path on one machine.
const SKIPPED_TABLES = new Set(['schema_migrations']);
export const MACHINE_SETTINGS = new Set(['backupDir']);

/**
 * Every data table of the file, read from its schema (so tables added by later
 * migrations are exported without touching this code), in creation order, with
 * its columns and a stable row order (primary key, else rowid).
 */
export function dataTables(sqlite: Database.Database): TableShape[] {
  const tables = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY rowid`,
    )
    .all() as { name: string; sql: string }[];
  const shadow = new Set(
    (sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'").all() as { name: string }[]).map(
      (v) => v.name,
    ),
  );
  return tables
    .filter((t) => !SKIPPED_TABLES.has(t.name) && ![...shadow].some((v) => t.name.startsWith(`${v}_`)))
    .map(({ name, sql }) => {
      const info = sqlite.prepare('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid').all(name) as { name: string; pk: number }[];
      const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
      const withoutRowid = /WITHOUT\s+ROWID\s*$/i.test(sql.trim());
      const orderBy = pk.length ? pk.map((c) => quote(c.name)).join(', ') : withoutRowid ? info.map((c) => quote(c.name)).join(', ') : 'rowid';
      return { name, columns: info.map((c) => c.name), orderBy };
    });
}

export const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** The rows of one table as arrays in column order; blobs become { $base64 } so JSON can carry them. */
export function* tableRows(sqlite: Database.Database, table: TableShape): Generator<unknown[]> {
  const where = table.name === 'settings' ? ` WHERE key NOT IN (${[...MACHINE_SETTINGS].map(() => '?').join(', ')})` : '';
  const stmt = sqlite.prepare(`SELECT ${table.columns.map(quote).join(', ')} FROM ${quote(table.name)}${where} ORDER BY ${table.orderBy}`).raw(true);
  const params = where ? [...MACHINE_SETTINGS] : [];
  for (const row of stmt.iterate(...params) as Iterable<unknown[]>) {
    yield row.map((v) => (Buffer.isBuffer(v) ? { $base64: v.toString('base64') } : v));
  }
}
