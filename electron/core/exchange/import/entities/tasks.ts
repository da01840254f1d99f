import type { z } from 'zod';
import { TASK_PRIORITIES, TASK_STATUSES, taskCreate, taskUpdate } from '../../../../../shared/contract/tasks.ts';
import { createTask, updateTask } from '../../../features/tasks/app.ts';
import { findTask } from '../../../features/tasks/queries.ts';
import { fillBlanks, fold, validate, type EntityImporter, type Lookup, type RowProblem } from '../entity.ts';
import { AGREEMENT_KIND_GUESSES, readChoice, readDate } from '../cells.ts';
import { addSchemaProblems, agreementNamed, cached, recordsByKey, rememberFirst } from '../references.ts';
import { choiceMatcher, text, type Cell } from '../values.ts';

type Input = z.output<typeof taskCreate>;

const status = choiceMatcher(TASK_STATUSES, 'tasks.status', {
  hecha: 'done',
  hecho: 'done',
  si: 'done',
  x: 'done',
  ok: 'done',
  completada: 'done',
  completado: 'done',
  terminada: 'done',
  cerrada: 'done',
  finalizada: 'done',
  realizada: 'done',
  concluida: 'done',
  feito: 'done',
  feita: 'done',
  yes: 'done',
  completed: 'done',
  closed: 'done',
  pendiente: 'open',
  abierta: 'open',
  no: 'open',
  'por hacer': 'open',
  'a fazer': 'open',
  aberta: 'open',
  pending: 'open',
  todo: 'open',
  'to do': 'open',
  'en proceso': 'in_progress',
  'en progreso': 'in_progress',
  doing: 'in_progress',
  anulada: 'cancelled',
  canceled: 'cancelled',
});
const priority = choiceMatcher(TASK_PRIORITIES, 'tasks.priority', {
  urgente: 'high',
  urgent: 'high',
  media: 'normal',
  medium: 'normal',
  baja: 'low',
  alta: 'high',
  baixa: 'low',
});

/** The office's staff as Settings spells them, so "ana torres" becomes "Ana Torres" and "My tasks" finds it. */
function staff(lookup: Lookup): Map<string, string> {
  return cached(lookup, 'staff', () => {
    const row = lookup.sqlite.prepare("SELECT value FROM settings WHERE key = 'staff'").get() as { value: string } | undefined;
    const names = row ? (JSON.parse(row.value) as unknown) : [];
    return new Map((Array.isArray(names) ? names : []).filter((n): n is string => typeof n === 'string').map((n) => [fold(n), n]));
  });
}

const taskKey = (title: string, dueOn: string | null) => `${fold(title)}|${dueOn ?? ''}`;

/** Tasks by title and due date, for duplicates. */
const knownTasks = (lookup: Lookup) =>
  recordsByKey<{ id: number; title: string; due_on: string | null }>(lookup, 'tasks', 'SELECT id, title, due_on FROM tasks ORDER BY id', (r) =>
    taskKey(r.title, r.due_on),
  );

export const taskImporter: EntityImporter<Input> = {
  entity: 'tasks',
  fields: [
    {
      key: 'title',
      label: 'tasks.fields.title',
      required: true,
      guesses: ['tarea', 'tarefa', 'task', 'titulo', 'title', 'que hay que hacer', 'o que fazer', 'accion', 'acao', 'action', 'pendiente'],
    },
    { key: 'description', label: 'tasks.fields.description', guesses: ['detalle', 'detalhes', 'descripcion', 'descricao', 'description', 'details'] },
    {
      key: 'dueOn',
      label: 'tasks.fields.dueOn',
      guesses: ['vence', 'vencimiento', 'fecha limite', 'plazo', 'due', 'due date', 'deadline', 'prazo', 'data limite', 'fecha', 'data', 'date'],
    },
    {
      key: 'assignee',
      label: 'tasks.fields.assignee',
      guesses: ['responsable', 'encargado', 'asignada a', 'asignado a', 'a cargo', 'assignee', 'assigned to', 'owner', 'responsavel'],
    },
    { key: 'priority', label: 'tasks.fields.priority', guesses: ['prioridad', 'prioridade', 'priority', 'urgencia'] },
    { key: 'status', label: 'import.fields.status', guesses: ['estado', 'status', 'situacion', 'situacao', 'hecha', 'done'] },
    {
      key: 'completedOn',
      label: 'import.fields.completedOn',
      guesses: ['hecha el', 'fecha de cierre', 'completada el', 'completed on', 'done on', 'concluida em', 'fecha de realizacion'],
    },
    {
      key: 'agreement',
      label: 'import.fields.agreement',
      guesses: ['acuerdo', 'convenio', 'socio', 'ciudad socia', 'agreement', 'partner', 'acordo', 'parceiro'],
    },
    { key: 'agreementKind', label: 'import.fields.agreementKind', guesses: AGREEMENT_KIND_GUESSES },
  ],
  parse(values, lookup) {
    const get = (key: string): Cell => values[key] ?? null;
    const problems: RowProblem[] = [];
    const dueOn = readDate(get('dueOn'), 'dueOn', problems);
    const completedOn = readDate(get('completedOn'), 'completedOn', problems);
    const st = readChoice(status, get('status'), 'status', problems);
    const pr = readChoice(priority, get('priority'), 'priority', problems);
    const assignee = text(get('assignee'));
    // Only an agreement can be named by a plain key (its partner); visits and commitments are linked from their own pages.
    const agreementId = text(get('agreement'))
      ? agreementNamed(lookup, { partner: 'agreement', kind: 'agreementKind' }, get('agreement'), get('agreementKind'), null, problems)
      : null;
    const fields = {
      title: text(get('title')),
      description: text(get('description')) || null,
      dueOn,
      assignee: staff(lookup).get(fold(assignee)) ?? (assignee || null),
      priority: pr ?? 'normal',
      // A completion date says the task is done even when the sheet has no status column.
      status: st ?? (completedOn ? 'done' : 'open'),
      completedOn,
      link: agreementId === null ? null : { kind: 'agreement', id: agreementId },
    };
    const schemaProblems: RowProblem[] = [];
    const input = validate(taskCreate, fields, schemaProblems);
    addSchemaProblems(problems, schemaProblems);
    const duplicateOf = input ? (knownTasks(lookup).get(taskKey(input.title, input.dueOn)) ?? null) : null;
    return { input: problems.length ? null : input, problems, notes: [], duplicateOf };
  },
  async create(input, ctx, lookup) {
    const created = await createTask(input, ctx);
    rememberFirst(knownTasks(lookup), taskKey(created.title, created.dueOn), created.id);
  },
  async merge(id, input, ctx) {
    const t = await findTask(ctx.db, id);
    if (!t) return;
    const stored = {
      id,
      version: t.version,
      title: t.title,
      description: t.description,
      dueOn: t.dueOn,
      assignee: t.assignee,
      priority: t.priority,
      status: t.status,
      completedOn: t.completedOn,
      link: t.link ? { kind: t.link.kind, id: t.link.id } : null,
    };
    await updateTask(taskUpdate.parse(fillBlanks(stored, { description: input.description, assignee: input.assignee, link: input.link })), ctx);
  },
};
