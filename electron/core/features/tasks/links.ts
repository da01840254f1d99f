import type { Kysely } from 'kysely';
import type { TaskLink, TaskLinkKind } from '../../../../shared/contract/tasks.ts';
import type { DB } from '../../db/schema.ts';
import { formatDate } from '../../../../shared/format.ts';
import { twoScripts } from '../../../../shared/names.ts';
import { dateLocale } from '../../../../shared/region.ts';
import { officeLocaleOf } from '../settings/public.ts';

type LinkColumn = 'agreement_id' | 'visit_id' | 'commitment_id';

/**
 * Every kind of record a task can hang from: its column in `tasks` and how to
 * name it on screen. Adding a kind (commitments) is one entry here, one in
 * TASK_LINK_KINDS and one column added by a migration.
 */
export const TASK_LINKS: Record<TaskLinkKind, { column: LinkColumn; labels(db: Kysely<DB>, ids: number[]): Promise<Map<number, string>> }> = {
  agreement: {
    column: 'agreement_id',
    async labels(db, ids) {
      const rows = await db
        .selectFrom('agreements as a')
        .innerJoin('localities as l', 'l.id', 'a.partner_id')
        .select(['a.id', 'l.name', 'l.native_name'])
        .where('a.id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, twoScripts(r.name, r.native_name)]));
    },
  },
  visit: {
    column: 'visit_id',
    async labels(db, ids) {
      const rows = await db.selectFrom('visits').select(['id', 'purpose', 'starts_on']).where('id', 'in', ids).execute();
      // A date people read: written the office's way (15 mar 2027), never ISO.
      const locale = dateLocale(await officeLocaleOf(db));
      return new Map(rows.map((r) => [r.id, `${r.purpose} (${formatDate(r.starts_on, locale)})`]));
    },
  },
  commitment: {
    column: 'commitment_id',
    async labels(db, ids) {
      const rows = await db
        .selectFrom('commitments as c')
        .innerJoin('agreements as a', 'a.id', 'c.agreement_id')
        .innerJoin('localities as l', 'l.id', 'a.partner_id')
        .select(['c.id', 'c.description', 'l.name'])
        .where('c.id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, `${r.description} · ${r.name}`]));
    },
  },
};

const KINDS = Object.keys(TASK_LINKS) as TaskLinkKind[];

/** The columns to write for a link (all others null, so a task has at most one). */
export function linkColumns(link: TaskLink | null): Record<LinkColumn, number | null> {
  const out = Object.fromEntries(KINDS.map((k) => [TASK_LINKS[k].column, null])) as Record<LinkColumn, number | null>;
  if (link) out[TASK_LINKS[link.kind].column] = link.id;
  return out;
}

/** Reads the link back from a row's columns. */
export function linkOf(row: Record<LinkColumn, number | null>): TaskLink | null {
  for (const kind of KINDS) {
    const id = row[TASK_LINKS[kind].column];
    if (id !== null) return { kind, id };
  }
  return null;
}

export async function linkExists(db: Kysely<DB>, link: TaskLink): Promise<boolean> {
  return (await TASK_LINKS[link.kind].labels(db, [link.id])).has(link.id);
}

/** Labels for many links at once: one query per kind, not one per task. */
export async function linkLabels(db: Kysely<DB>, links: (TaskLink | null)[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const kind of KINDS) {
    const ids = [...new Set(links.filter((l): l is TaskLink => l?.kind === kind).map((l) => l.id))];
    if (ids.length === 0) continue;
    for (const [id, label] of await TASK_LINKS[kind].labels(db, ids)) out.set(`${kind}:${id}`, label);
  }
  return out;
}
