import { sql, type Kysely } from 'kysely';
import type { CallParsed } from '../../../../shared/contract/index.ts';
import { PENDING_TASK_STATUSES, type Task, type TaskList } from '../../../../shared/contract/tasks.ts';
import { likePattern } from '../../../../shared/text/search-key.ts';
import type { DB, TasksTable } from '../../db/schema.ts';
import { addDays } from '../../../../shared/dates.ts';
import { linkLabels, linkOf, TASK_LINKS } from './links.ts';

type Row = Omit<TasksTable, 'id' | 'version'> & { id: number; version: number };

export async function toTasks(db: Kysely<DB>, rows: Row[]): Promise<Task[]> {
  const links = rows.map(linkOf);
  const labels = await linkLabels(db, links);
  return rows.map((r, i) => {
    const link = links[i] ?? null;
    return {
      id: r.id,
      version: r.version,
      title: r.title,
      description: r.description,
      dueOn: r.due_on,
      assignee: r.assignee,
      priority: r.priority,
      status: r.status,
      completedOn: r.completed_on,
      link: link ? { ...link, label: labels.get(`${link.kind}:${link.id}`) ?? '' } : null,
      sample: r.sample,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

export async function findTask(db: Kysely<DB>, id: number): Promise<Task | undefined> {
  const row = await db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await toTasks(db, [row]))[0] : undefined;
}

const PRIORITY_ORDER = sql`CASE t.priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END`;

/** The statements behind the task views: exposed so the benchmark can run the same SQL raw. */
export function taskListQuery(db: Kysely<DB>, q: CallParsed<'tasks.list'>, today: string, userName: string) {
  let query = db.selectFrom('tasks as t');
  const pending = [...PENDING_TASK_STATUSES];
  switch (q.view) {
    case 'mine':
      query = query.where('t.status', 'in', pending).where('t.assignee', '=', userName);
      break;
    case 'open':
      query = query.where('t.status', 'in', pending);
      break;
    case 'overdue':
      query = query.where('t.status', 'in', pending).where('t.due_on', '<', today);
      break;
    case 'due_soon':
      query = query
        .where('t.status', 'in', pending)
        .where('t.due_on', '>=', today)
        .where('t.due_on', '<=', addDays(today, q.days - 1));
      break;
    case 'done':
      query = query.where('t.status', '=', 'done');
      break;
    case 'all':
      break;
  }
  if (q.assignee) query = query.where('t.assignee', '=', q.assignee);
  if (q.link) query = query.where(`t.${TASK_LINKS[q.link.kind].column}`, '=', q.link.id);
  if (q.search?.trim()) query = query.where(sql<boolean>`t.search_text LIKE ${likePattern(q.search)} ESCAPE '\\'`);
  const order =
    q.sort === 'dueOn'
      ? sql`t.due_on IS NULL, t.due_on ${sql.raw(q.dir)}, ${PRIORITY_ORDER}`
      : q.sort === 'priority'
        ? sql`${PRIORITY_ORDER} ${sql.raw(q.dir)}, t.due_on IS NULL, t.due_on`
        : q.sort === 'title'
          ? sql`t.search_text ${sql.raw(q.dir)}`
          : sql`t.updated_at ${sql.raw(q.dir)}`;
  return {
    count: query.select((eb) => eb.fn.countAll<number>().as('total')),
    rows: query.selectAll('t').orderBy(order).orderBy('t.id').limit(q.limit).offset(q.offset),
  };
}

export async function listTasks(db: Kysely<DB>, q: CallParsed<'tasks.list'>, today: string, userName: string): Promise<TaskList> {
  const { count, rows } = taskListQuery(db, q, today, userName);
  const { total } = await count.executeTakeFirstOrThrow();
  return { total, rows: await toTasks(db, await rows.execute()) };
}
