import type Database from 'better-sqlite3';
import { conflict } from '../../../shared/contract/result.ts';
import type { UndoableCall, UndoResult } from '../../../shared/contract/undo.ts';
import type { Ctx } from './context.ts';
import type { Handler } from './handlers.ts';

// The last archive, deletion or calendar move can be taken back. Rather than each feature
// writing its own inverse (a deleted visit takes its participants, agenda,
// costs and links with it through cascades), connection-local triggers write
// the inverse SQL of every row change while an undoable call runs, the
// technique of sqlite.org's "Automatic Undo/Redo". Everything lives in the temp
// schema and in the call's own transaction: a call that fails leaves the
// previous undo in place, and a restore from backup (a new connection) drops it.
// On the office server one connection serves everyone, so each user's last change is kept
// under their own name: a user can only take back their own, and the row checks below refuse
// it when anyone (another user included) changed those rows since.

/** The audit log's name for what each call changes. */
const ENTITY: Record<UndoableCall, string> = {
  'localities.archive': 'locality',
  'agreements.archive': 'agreement',
  'agreements.delete': 'agreement',
  'contacts.archive': 'contact',
  'contacts.delete': 'contact',
  'visits.archive': 'visit',
  'visits.delete': 'visit',
  'tasks.delete': 'task',
  'commitments.removeDelivery': 'delivery',
  'tasks.setStatus': 'task',
  'tasks.update': 'task',
  'visits.update': 'visit',
  'officeEvents.move': 'office_event',
  'officeEvents.delete': 'office_event',
};

/** The audit trail records the undo itself; it is never rewritten. */
const NOT_TRACKED = new Set(['audit_log', 'schema_migrations', 'users']);

/** Whose undo: the signed-in user's id, or the desktop's one local user. */
const ownerOf = (ctx: Pick<Ctx, 'actor'>) => (ctx.actor.userId === null ? 'local' : `user:${ctx.actor.userId}`);

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

type Column = { name: string };

/** SQL that, run inside a trigger, yields a SQL literal of a column's OLD/NEW value. */
const literal = (row: 'OLD' | 'NEW', column: string) => `quote(${row}.${quoteIdent(column)})`;
const joinSql = (parts: string[], separator: string) => parts.join(` || '${separator}' || `);
/** A piece of SQL text placed inside a string literal of the trigger body. */
const inLiteral = (sqlText: string) => sqlText.replaceAll("'", "''");

/**
 * Columns the schema's own triggers keep from other rows (a commitment's
 * delivered quantity is the sum of its deliveries). They are never recorded:
 * putting the other rows back makes those triggers recompute them, and
 * recording them too counted a re-inserted delivery twice. A test holds this
 * list equal to what the schema's triggers write.
 */
export const KEPT_BY_TRIGGERS: Readonly<Record<string, readonly string[]>> = {
  commitments: ['delivered_quantity'],
};

/**
 * Each inverse statement must touch exactly the row the change left behind
 * (every column as it was right after), so an undo after someone edited that
 * record since is refused instead of overwriting their edit.
 */
function triggersFor(table: string, columns: Column[]): string[] {
  const t = quoteIdent(table);
  const tt = inLiteral(t);
  const kept = new Set(KEPT_BY_TRIGGERS[table] ?? []);
  const names = columns.map((c) => c.name).filter((c) => !kept.has(c));
  // An update that only a schema trigger made (the counter following a delivery) leaves no step.
  const updateOf = kept.size > 0 ? `UPDATE OF ${names.map(quoteIdent).join(', ')}` : 'UPDATE';
  const sameAs = (row: 'OLD' | 'NEW') =>
    joinSql(
      names.map((c) => `'${inLiteral(quoteIdent(c))} IS ' || ${literal(row, c)}`),
      ' AND ',
    );
  const trigger = (event: 'INSERT' | 'UPDATE' | 'DELETE', inverse: string) =>
    `CREATE TEMP TRIGGER IF NOT EXISTS ${quoteIdent(`undo_${event.toLowerCase()}_${table}`)} AFTER ${event === 'UPDATE' ? updateOf : event} ON main.${t}
     WHEN (SELECT active FROM temp.undo_state) BEGIN INSERT INTO temp.undo_steps (owner, sql) VALUES ((SELECT owner FROM temp.undo_state), ${inverse}); END;`;
  const assignOld = joinSql(
    names.map((c) => `'${inLiteral(quoteIdent(c))} = ' || ${literal('OLD', c)}`),
    ', ',
  );
  const valuesOld = joinSql(
    names.map((c) => literal('OLD', c)),
    ', ',
  );
  return [
    trigger('INSERT', `'DELETE FROM ${tt} WHERE ' || ${sameAs('NEW')}`),
    trigger('UPDATE', `'UPDATE ${tt} SET ' || ${assignOld} || ' WHERE ' || ${sameAs('NEW')}`),
    trigger('DELETE', `'INSERT INTO ${tt} (${inLiteral(names.map(quoteIdent).join(', '))}) VALUES (' || ${valuesOld} || ')'`),
  ];
}

/**
 * Once per connection: the temp tables and a trigger trio per table. Checked in
 * the schema rather than remembered, since a first install inside a transaction
 * that rolls back is gone with it.
 */
function install(sqlite: Database.Database) {
  if (sqlite.prepare("SELECT 1 FROM temp.sqlite_schema WHERE name = 'undo_state'").get()) return;
  sqlite.exec(`
    CREATE TEMP TABLE IF NOT EXISTS undo_state (active INTEGER NOT NULL, owner TEXT NOT NULL);
    INSERT INTO temp.undo_state (active, owner) SELECT 0, '' WHERE NOT EXISTS (SELECT 1 FROM temp.undo_state);
    CREATE TEMP TABLE IF NOT EXISTS undo_steps (seq INTEGER PRIMARY KEY, owner TEXT NOT NULL, sql TEXT NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS undo_last (owner TEXT PRIMARY KEY, call TEXT NOT NULL, id INTEGER NOT NULL);
  `);
  const tables = sqlite
    .prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables.filter((name) => !NOT_TRACKED.has(name))) {
    const columns = sqlite.pragma(`main.table_info(${quoteIdent(table)})`) as Column[];
    for (const statement of triggersFor(table, columns)) sqlite.exec(statement);
  }
}

/**
 * Wraps an archive or delete handler (inside `mutation`, so in its
 * transaction): the row changes it makes are recorded as their inverse and
 * become the one undo on offer, replacing the previous one.
 */
export function undoable<N extends UndoableCall>(call: N, handler: Handler<N>): Handler<N> {
  return async (input, ctx) => {
    const sqlite = ctx.opened.sqlite;
    install(sqlite);
    const owner = ownerOf(ctx);
    sqlite.prepare('DELETE FROM temp.undo_steps WHERE owner = ?').run(owner);
    sqlite.prepare('DELETE FROM temp.undo_last WHERE owner = ?').run(owner);
    sqlite.prepare('UPDATE temp.undo_state SET active = 1, owner = ?').run(owner);
    try {
      const result = await handler(input, ctx);
      sqlite.prepare('INSERT INTO temp.undo_last (owner, call, id) VALUES (?, ?, ?)').run(owner, call, input.id);
      return result;
    } finally {
      sqlite.exec("UPDATE temp.undo_state SET active = 0, owner = '';");
    }
  };
}

/**
 * Takes back the last undoable call if it is the one named. Run inside
 * `mutation`: all of it or, when a record changed since, none of it.
 */
export async function applyUndo({ call, id }: { call: UndoableCall; id: number }, ctx: Ctx): Promise<UndoResult> {
  const sqlite = ctx.opened.sqlite;
  install(sqlite);
  const owner = ownerOf(ctx);
  const last = sqlite.prepare('SELECT call, id FROM temp.undo_last WHERE owner = ?').get(owner) as { call: string; id: number } | undefined;
  if (!last || last.call !== call || last.id !== id) throw conflict('undo.errors.gone');
  const steps = sqlite.prepare('SELECT sql FROM temp.undo_steps WHERE owner = ? ORDER BY seq DESC').pluck().all(owner) as string[];
  // Cascaded rows come back in any order; their links are checked once all are back.
  sqlite.pragma('defer_foreign_keys = ON');
  for (const step of steps) {
    let changed: number;
    try {
      changed = sqlite.prepare(step).run().changes;
    } catch {
      // A restored row whose id was taken since, or a unique name now used by another record.
      throw conflict('undo.errors.changed');
    }
    if (changed !== 1) throw conflict('undo.errors.changed');
  }
  // A failed COMMIT on deferred keys would leave the transaction open; find them first, and roll back.
  if ((sqlite.pragma('foreign_key_check') as unknown[]).length > 0) throw conflict('undo.errors.changed');
  sqlite.prepare('DELETE FROM temp.undo_steps WHERE owner = ?').run(owner);
  sqlite.prepare('DELETE FROM temp.undo_last WHERE owner = ?').run(owner);
  await ctx.audit(ENTITY[call], id, 'restore', null, { undone: call });
  return { call, id, rows: steps.length };
}
