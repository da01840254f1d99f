import type { CallParsed } from '../../../../shared/contract/index.ts';
import type { Task, TaskLink, TaskStatus } from '../../../../shared/contract/tasks.ts';
import { fieldError, notFound } from '../../../../shared/contract/result.ts';
import { searchKey } from '../../../../shared/text/search-key.ts';
import { stamp, today, type Ctx } from '../../app/context.ts';
import type { Handlers } from '../../app/handlers.ts';
import { actorName, mutation } from '../../app/mutation.ts';
import { undoable } from '../../app/undo.ts';
import { checkVersion } from '../audit/public.ts';
import { linkColumns, linkExists } from './links.ts';
import { findTask, listTasks } from './queries.ts';

type Fields = CallParsed<'tasks.create'>;

async function mustFind(ctx: Ctx, id: number) {
  const found = await findTask(ctx.db, id);
  if (!found) throw notFound('task', id);
  return found;
}

/** The audit keeps what was stored, not the label shown beside the link. */
function snapshot(t: Task) {
  const { link, ...own } = t;
  return { ...own, link: link ? { kind: link.kind, id: link.id } : null };
}

async function checkLink(ctx: Ctx, link: TaskLink | null) {
  if (link && !(await linkExists(ctx.db, link))) throw fieldError(['link'], 'errors.not_found');
}

/**
 * A done task keeps the day it was done: the one given (an office typing in last
 * year's work), else the one it had, else today; any other status has none. A
 * day still to come is refused next to the field.
 */
function completion(status: TaskStatus, given: string | null, previous: string | null, ctx: Ctx): string | null {
  if (status !== 'done') return null;
  if (given !== null && given > today(ctx)) throw fieldError(['completedOn'], 'tasksErrors.completed_in_future');
  return given ?? previous ?? today(ctx);
}

function columns(input: Fields) {
  return {
    title: input.title,
    description: input.description,
    due_on: input.dueOn,
    assignee: input.assignee,
    priority: input.priority,
    status: input.status,
    ...linkColumns(input.link),
    search_text: searchKey(input.title, input.description, input.assignee),
  };
}

export async function createTask(input: Fields, ctx: Ctx, sample: 'real' | 'invented' | null = null) {
  await checkLink(ctx, input.link);
  const at = stamp(ctx);
  const { id } = await ctx.db
    .insertInto('tasks')
    .values({ ...columns(input), completed_on: completion(input.status, input.completedOn, null, ctx), sample, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const created = await mustFind(ctx, id);
  await ctx.audit('task', id, 'create', null, snapshot(created));
  return created;
}

type TaskChange = Partial<ReturnType<typeof columns>> & { status: TaskStatus; completed_on: string | null };

/** Writes one change to a task, checked against the version the user saw, and audits it. */
async function changeTask(ctx: Ctx, id: number, version: number, change: (before: Task) => TaskChange) {
  const before = await mustFind(ctx, id);
  checkVersion(before, version);
  await ctx.db
    .updateTable('tasks')
    .set({ ...change(before), version: before.version + 1, updated_at: stamp(ctx) })
    .where('id', '=', id)
    .execute();
  const after = await mustFind(ctx, id);
  await ctx.audit('task', id, 'update', snapshot(before), snapshot(after));
  return after;
}

/** Also used by the spreadsheet import to merge a row into an existing task. */
export async function updateTask(input: CallParsed<'tasks.update'>, ctx: Ctx) {
  await checkLink(ctx, input.link);
  return changeTask(ctx, input.id, input.version, (before) => ({
    ...columns(input),
    completed_on: completion(input.status, input.completedOn, before.completedOn, ctx),
  }));
}

/** "Mark done" in one click, or reopen: only the status (and its date) changes. */
const setStatus = (input: CallParsed<'tasks.setStatus'>, ctx: Ctx) =>
  changeTask(ctx, input.id, input.version, (before) => ({
    status: input.status,
    completed_on: completion(input.status, input.completedOn ?? null, before.completedOn, ctx),
  }));

/** A task entered by mistake can go; the audit log keeps what it said, and an outcome that made it is unlinked. */
async function deleteTask({ id }: { id: number }, ctx: Ctx) {
  const before = await mustFind(ctx, id);
  await ctx.db.deleteFrom('tasks').where('id', '=', id).execute();
  await ctx.audit('task', id, 'delete', snapshot(before), null);
  return { id };
}

export const taskHandlers: Handlers<'tasks.list' | 'tasks.get' | 'tasks.create' | 'tasks.update' | 'tasks.setStatus' | 'tasks.delete'> = {
  'tasks.list': async (input, ctx) => listTasks(ctx.db, input, today(ctx), await actorName(ctx)),
  'tasks.get': ({ id }, ctx) => mustFind(ctx, id),
  'tasks.create': mutation((input, ctx) => createTask(input, ctx)),
  'tasks.update': mutation(undoable('tasks.update', updateTask)),
  'tasks.setStatus': mutation(undoable('tasks.setStatus', setStatus)),
  'tasks.delete': mutation(undoable('tasks.delete', deleteTask)),
};
