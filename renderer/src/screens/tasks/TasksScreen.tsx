import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { localIsoDate } from '../../../../shared/dates.ts';
import { TASK_SORTS, TASK_VIEWS, type TaskListInput } from '../../../../shared/contract/tasks.ts';
import { columnIds } from '../../../../shared/lists/columns.ts';
import { useCall } from '../../api.ts';
import { failureMessage, FormMessage } from '../../components/form.tsx';
import { TaskLine } from '../../components/tasks.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useLocale } from '../../i18n.ts';
import { TaskForm } from './TaskForm.tsx';
import { useListState } from '../../components/list/useListState.ts';
import { Pager } from '../../components/list/Pager.tsx';
import { ExportView } from '../../components/list/ExportView.tsx';
import { SortChoice } from '../../components/list/SortChoice.tsx';
import { settingsLink } from '../settings/SettingsSection.tsx';

export function TasksScreen() {
  const { t } = useLocale();
  const state = useListState(TASK_SORTS, { sort: 'dueOn', dir: 'asc' });
  const { get, set } = state;
  const view = TASK_VIEWS.find((v) => v === get('view')) ?? 'open';
  const days = Number(get('days') || 7) || 7;
  const search = get('q');
  const debounced = useDebounced(search);
  const query = { view, days, search: debounced || undefined, sort: state.sort, dir: state.dir } satisfies TaskListInput;
  const list = useCall('tasks.list', { ...query, ...state.paging }, { placeholderData: keepPreviousData });
  const settings = useCall('settings.get', {});
  const [message, setMessage] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  // "New task" from the keyboard shortcut (Alt+Shift+T) or a link: the form opens, the address forgets it.
  const wantsNew = get('new') === '1';
  useEffect(() => {
    if (!wantsNew) return;
    setAdding(true);
    set('new', '');
  }, [wantsNew]); // only the flag: `set` is a new function on every render
  const [editing, setEditing] = useState<number | null>(null);
  const today = localIsoDate(new Date());
  // A task opened from elsewhere (the calendar): its form, above the list.
  const openedId = Number(get('task')) || null;
  const opened = useCall('tasks.get', { id: openedId ?? 0 }, { enabled: openedId !== null });
  const closeOpened = () => set('task', '');

  return (
    <section className="screen list-screen tasks-screen">
      <header className="screen-header">
        <h1>{t('tasks.title')}</h1>
        <div className="header-actions">
          <ExportView view={{ list: 'tasks', query, columns: columnIds('tasks') }} />
          <button type="button" className="primary" onClick={() => setAdding((a) => !a)}>
            {t('tasks.new')}
          </button>
        </div>
      </header>
      {adding ? <TaskForm staff={settings.data?.staff ?? []} onDone={() => setAdding(false)} /> : null}
      {openedId !== null && opened.data ? (
        <div className="panel" data-testid="opened-task">
          <TaskForm key={`${opened.data.id}:${opened.data.version}`} task={opened.data} staff={settings.data?.staff ?? []} onDone={closeOpened} />
        </div>
      ) : null}
      {openedId !== null && opened.isError ? (
        <FormMessage message={opened.error.error.kind === 'not_found' ? 'tasksOpen.notFound' : failureMessage(opened.error)} />
      ) : null}
      <div className="filters" role="search">
        <div className="tabs" role="tablist">
          {TASK_VIEWS.map((v) => (
            <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? 'tab active' : 'tab'} onClick={() => set('view', v)}>
              {t(`tasks.view.${v}`, { days })}
            </button>
          ))}
        </div>
        {view === 'due_soon' ? (
          <label className="check">
            {t('tasks.days')}
            <input type="number" min={1} max={366} value={days} onChange={(e) => set('days', e.target.value)} style={{ width: 70 }} />
          </label>
        ) : null}
        <input
          type="search"
          aria-label={t('common.search')}
          placeholder={t('tasks.searchPlaceholder')}
          value={search}
          onChange={(e) => set('q', e.target.value)}
        />
        <SortChoice list="tasks" state={state} />
        <span className="count" aria-live="polite">
          {list.data ? t('common.results', { count: list.data.total }) : ''}
        </span>
      </div>
      {view === 'mine' && !settings.data?.userName ? (
        <p className="muted">
          {t('tasks.noUserName')} <Link to={settingsLink('office')}>{t('firstrun.links.setName')}</Link>
        </p>
      ) : null}
      <FormMessage message={message} />
      <ul className="task-list panel">
        {list.data?.rows.length === 0 ? <li className="muted">{t('tasks.empty')}</li> : null}
        {(list.data?.rows ?? []).map((task) =>
          editing === task.id ? (
            <li key={task.id} className="task-edit-row">
              <TaskForm task={task} staff={settings.data?.staff ?? []} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <TaskLine key={task.id} task={task} today={today} onError={(f) => setMessage(failureMessage(f))} onEdit={() => setEditing(task.id)} deletable />
          ),
        )}
      </ul>
      <Pager total={list.data?.total} page={state.page} onPage={state.setPage} />
    </section>
  );
}
