import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import type { Task } from '../../../shared/contract/tasks.ts';
import { formatDate } from '../../../shared/format.ts';
import { useLocale } from '../i18n.ts';
import { useUndoableMutate } from './undo.tsx';
import { useConfirm } from './ConfirmDialog.tsx';
import type { RowAction } from './list/RowMenu.tsx';

// Home shows task lines without actions: the menu (React Aria's Menu) loads only where a line has some, so it stays
// out of the first script (npm run bench bundle).
const RowMenu = lazy(() => import('./list/RowMenu.tsx').then((m) => ({ default: m.RowMenu })));

const LINK_ROUTES = { agreement: '/agreements', visit: '/visits', commitment: '/commitments' } as const;

/**
 * A task on one line: done in one click (today; the date can be changed in its
 * form), due date coloured when late, link to where it came from; on the tasks
 * screen it can also be edited and deleted (with undo).
 */
export function TaskLine(props: { task: Task; today: string; onError: (failure: unknown) => void; onEdit?: () => void; deletable?: boolean }) {
  const { task, today, onError, onEdit, deletable = false } = props;
  const { t, locale } = useLocale();
  const setStatus = useUndoableMutate('tasks.setStatus');
  const remove = useUndoableMutate('tasks.delete');
  const confirm = useConfirm();
  const pending = task.status === 'open' || task.status === 'in_progress';
  const late = pending && task.dueOn !== null && task.dueOn < today;
  const toggle = async () => {
    try {
      await setStatus.run({ id: task.id, version: task.version, status: pending ? 'done' : 'open' }, task.title, {
        words: t(pending ? 'undo.did.tasks_done' : 'undo.did.tasks_reopened', { name: task.title }),
      });
    } catch (failure) {
      onError(failure);
    }
  };
  const deleteTask = async () => {
    try {
      if (await confirm({ title: t('tasks.confirmDelete', { title: task.title }), action: t('confirm.deleteTask'), destructive: true }))
        await remove.run({ id: task.id }, task.title);
    } catch (failure) {
      onError(failure);
    }
  };
  // Edit and delete behind the line's one menu, as on every other list; ticking done stays a button of its own.
  const actions: RowAction[] = [
    ...(onEdit ? [{ id: 'edit', label: t('tasks.edit'), run: onEdit }] : []),
    ...(deletable ? [{ id: 'delete', label: t('tasks.delete'), danger: true, run: () => void deleteTask() }] : []),
  ];
  return (
    <li className={`task-line status-${task.status}${late ? ' late' : ''}`} data-task-id={task.id}>
      {/* Its name is its (hidden) text, so what a screen reader says, the tooltip and a voice command all match. */}
      <button
        type="button"
        className="done-button"
        onClick={() => void toggle()}
        disabled={setStatus.isPending}
        title={pending ? t('tasks.markDone') : t('tasks.reopen')}
      >
        <span aria-hidden="true">{pending ? '✓' : '↺'}</span>
        <span className="visually-hidden">{pending ? t('tasks.markDone') : t('tasks.reopen')}</span>
      </button>
      <div className="task-main">
        <span className="task-title">{task.title}</span>
        <span className="muted">
          {task.dueOn ? <span className={late ? 'late-date' : ''}>{t('tasks.dueOn', { date: formatDate(task.dueOn, locale) })}</span> : t('tasks.noDue')}
          {task.assignee ? ` · ${task.assignee}` : ''}
          {' · '}
          <span className={`priority priority-${task.priority}`}>{t(`tasks.priority.${task.priority}`)}</span>
          {' · '}
          {t(`tasks.status.${task.status}`)}
          {task.completedOn ? ` ${t('tasks.completedOn', { date: formatDate(task.completedOn, locale) })}` : ''}
          {task.link ? (
            <>
              {' · '}
              <Link to={`${LINK_ROUTES[task.link.kind]}/${task.link.id}`}>
                {t(`tasks.linkKind.${task.link.kind}`)}: {task.link.label}
              </Link>
            </>
          ) : null}
        </span>
      </div>
      {actions.length ? (
        <span className="task-actions">
          <Suspense fallback={null}>
            <RowMenu name={task.title} actions={actions} />
          </Suspense>
        </span>
      ) : null}
    </li>
  );
}
