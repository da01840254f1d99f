import { z } from './zod-messages.ts';
import { id, isoDate, listPaging, optionalDate, optionalText, requiredText, sampleKind, sortDir, version } from './common.ts';

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const;
/** Statuses that still need someone to act. */
export const PENDING_TASK_STATUSES = ['open', 'in_progress'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/**
 * What a task can hang from. One entry per kind; a new kind (commitments) is
 * one more entry here, one column in `tasks` and one line in the service's
 * link table.
 */
export const TASK_LINK_KINDS = ['agreement', 'visit', 'commitment'] as const;
export type TaskLinkKind = (typeof TASK_LINK_KINDS)[number];
export const taskLink = z.object({ kind: z.enum(TASK_LINK_KINDS), id }).strict();
export type TaskLink = z.infer<typeof taskLink>;

const taskObject = z.object({
  title: requiredText(300),
  description: optionalText(5000),
  dueOn: optionalDate,
  assignee: optionalText(100),
  priority: z.enum(TASK_PRIORITIES).default('normal'),
  status: z.enum(TASK_STATUSES).default('open'),
  /** Only for a done task; defaults to today when it becomes done. */
  completedOn: optionalDate,
  link: taskLink.nullish().transform((v) => v ?? null),
});

function checkCompletion(t: { status: TaskStatus; completedOn: string | null }, ctx: z.RefinementCtx) {
  if (t.status !== 'done' && t.completedOn) ctx.addIssue({ code: 'custom', path: ['completedOn'], message: 'tasksErrors.completed_not_done' });
}

export const taskFields = taskObject.superRefine(checkCompletion);
export type TaskFields = z.input<typeof taskFields>;
export const taskCreate = taskFields;
export const taskUpdate = taskObject.extend({ id, version }).superRefine(checkCompletion);

export const taskSetStatus = z.object({ id, version, status: z.enum(TASK_STATUSES), completedOn: isoDate.optional() }).strict();

export const TASK_VIEWS = ['mine', 'open', 'overdue', 'due_soon', 'done', 'all'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];
export const TASK_SORTS = ['dueOn', 'priority', 'title', 'updatedAt'] as const;

export const taskList = z.object({
  view: z.enum(TASK_VIEWS).default('open'),
  /** For `due_soon`: how many days ahead, today included. */
  days: z.number().int().min(1).max(366).default(7),
  search: z.string().max(200).optional(),
  assignee: z.string().max(100).optional(),
  link: taskLink.optional(),
  sort: z.enum(TASK_SORTS).default('dueOn'),
  dir: sortDir.default('asc'),
  ...listPaging,
});
export type TaskListInput = z.input<typeof taskList>;

export type TaskLinkInfo = TaskLink & { label: string };

export type Task = {
  id: number;
  version: number;
  title: string;
  description: string | null;
  dueOn: string | null;
  assignee: string | null;
  priority: TaskPriority;
  status: TaskStatus;
  completedOn: string | null;
  link: TaskLinkInfo | null;
  sample: z.infer<typeof sampleKind>;
  createdAt: string;
  updatedAt: string;
};

export type TaskList = { total: number; rows: Task[] };
